/**
 * "Dorpsstraat 12a, Rotterdam" with its municipality only when the title does not name it
 * already: never "Dorpsstraat 12a, Rotterdam (Rotterdam)".
 */
export function titleWithMunicipality(title: string, municipality: string): string {
  const place = municipality.trim();
  if (!place || title.toLocaleLowerCase('nl').includes(place.toLocaleLowerCase('nl'))) return title;
  return `${title} (${place})`;
}
