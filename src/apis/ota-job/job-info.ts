/**
 * The record shape of Search OTA Job (the seed page's `JobInfo` struct), as far as the query language reads it.
 * Other properties are kept as they are and returned by searches; they are never queried.
 */
export interface I18nString {
  readonly defaultValue?: string | null;
  readonly i18nValue?: { readonly [locale: string]: string | null | undefined } | null;
}

/** One OTA job record as Search OTA Job returns it and as the searches and compilers read it. */
export interface JobInfo {
  readonly orgId: string;
  readonly jobId: string;
  readonly productKey?: string | null;
  readonly name?: I18nString | null;
  readonly firmwareId?: string | null;
  readonly firmwareVersion?: string | null;
  readonly firmwareName?: I18nString | null;
  readonly type?: string | null;
  readonly status?: string | null;
  /** Milliseconds since the epoch; searches order by it, newest first. */
  readonly createTime: number;
  readonly [other: string]: unknown;
}
