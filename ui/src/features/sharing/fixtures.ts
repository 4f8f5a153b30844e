// Answers the sharing tests give the stand-in back end.
import type { Candidates, ContactView, MyCode, OpenedShare, SenderView } from "../../lib/ipc/sharing";

export const CODE: MyCode = {
  grouped: "mend1 abcde fghij",
  fingerprint: "01234 56789 01234 56789",
  qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
};

export const SAM: ContactView = {
  id: 7,
  name: "Sam",
  grouped: "mend1 zzzzz",
  fingerprint: "11111 22222 33333 44444",
  addedAt: "2026-11-20T18:00:00Z",
};

export const CANDIDATES: Candidates = {
  entries: [{ id: 3, writtenAt: "2026-11-19T08:00:00Z", excerpt: "A walk by the river" }],
  commitments: [{ id: 5, promise: "Home by seven", daysLogged: 2 }],
  marks: [{ frameworkId: "gottman", stepId: "atone", title: "Atone", markedOn: "2026-11-10" }],
  checkIns: ["2026-11-18"],
  decisions: [{ id: 9, decidedOn: "2026-11-17", choice: "hold" }],
};

export const OPENED: OpenedShare = {
  file: "Mend share 2026-11-20.mendshare",
  fromName: null,
  fromFingerprint: "99999 88888 77777 66666",
  fromGrouped: "mend1 yyyyy",
  sentAt: "2026-11-20T18:00:00Z",
  items: 1,
  byPassphrase: false,
  preview: "Commitment: Home by seven\nPromised by: the person sharing this\n",
};

export const RECEIVED: SenderView[] = [
  {
    contactName: "Alex",
    fingerprint: "55555 44444 33333 22222",
    grouped: "mend1 xxxxx",
    items: [
      {
        id: 21,
        shareId: 2,
        sentAt: "2026-11-21T18:00:00Z",
        receivedAt: "2026-11-21T19:00:00Z",
        heading: "Commitment: Home by seven",
        lines: ["Promised by: the person sharing this", "2026-11-02: kept"],
        replaced: 1,
      },
      {
        id: 11,
        shareId: 1,
        sentAt: "2026-11-20T18:00:00Z",
        receivedAt: "2026-11-20T19:00:00Z",
        heading: "Journal entry, written 2026-11-19 08:00 UTC",
        lines: ["A walk by the river"],
        replaced: 0,
      },
    ],
  },
];
