// A dictionary's language tag ("en_GB") as people read it ("English (United
// Kingdom)"). Intl may refuse (WebKitGTK under the "C" locale): the tag is
// shown as it is then.

export function languageName(tag: string, locale?: string): string {
  try {
    const names = new Intl.DisplayNames(locale, { type: "language" });
    return names.of(tag.replace("_", "-")) ?? tag;
  } catch {
    return tag;
  }
}
