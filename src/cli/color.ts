/**
 * Whether to colour: `--color` / `--no-color` first, then the conventions of https://no-color.org and FORCE_COLOR
 * (a non-empty NO_COLOR turns colour off; FORCE_COLOR turns it on, unless it is `0` or `false`), then whether the
 * stream is a terminal.
 */
export function decideColor(
  flag: boolean | undefined,
  env: Readonly<Record<string, string | undefined>> | undefined,
  isTty: boolean,
): boolean {
  if (flag !== undefined) return flag;
  const noColor = env?.['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  const force = env?.['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return isTty;
}
