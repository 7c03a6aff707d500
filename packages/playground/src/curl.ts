/** The request as a `curl` command to copy: the same method, URL, headers and body the page sent. */

export interface CurlRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export function curlCommand(request: CurlRequest): string {
  const lines = [`curl -X POST ${quote(request.url)}`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`  -H ${quote(`${name}: ${value}`)}`);
  lines.push(`  --data-raw ${quote(request.body)}`);
  return lines.join(' \\\n');
}

/** POSIX shell single quotes: nothing inside is special but the quote itself, written '\''. */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
