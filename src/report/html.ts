/**
 * Report pages: a small HTML writer whose every text argument is escaped (plain strings are text; only
 * `Markup` from these builders or from the SVG charts is inserted as markup). Pages embed their stylesheet,
 * so each page is a single self-contained file that prints well.
 *
 * @example
 * ```ts
 * import { badge, figure, p, page, section, table } from './report/html.js';
 * import { lineChart } from './report/svg/index.js';
 * const html = page(
 *   { title: 'cscsim reproduction report', nav: [{ href: 'index.html', text: 'Summary', current: true }] },
 *   section('C3: established xenografts', p(badge('pass'), ' growth ratio 0.97 (criterion ≥ 0.8)'),
 *     figure(lineChart({ series: [...] }), 'Mean tumor volume; shaded: treatment.')),
 * );
 * writeFileSync('report/index.html', html);
 * ```
 */

import { STYLESHEET } from './html/style.js';
import { type Child, escapeText, hel, Markup, trusted } from './markup.js';

export { type Cell, formatCell, type TableColumn, type TableOptions, table } from './html/table.js';
export { STYLESHEET };

export interface Link {
  readonly href: string;
  readonly text: string;
  /** Marks the link to the page being written. */
  readonly current?: boolean;
}

export interface PageOptions {
  readonly title: string;
  readonly subtitle?: Child;
  /** Links between report pages, shown under the title (hidden in print). */
  readonly nav?: readonly Link[];
  /** Footer content, e.g. version and generation time. */
  readonly footer?: Child;
  readonly lang?: string;
}

/**
 * Checks a link target: relative paths, fragments, http(s) and mailto only, so that no `javascript:` or
 * `data:` URL can enter a report through a label or file name.
 */
export function safeHref(href: string): string {
  // Browsers ignore control characters and leading spaces when parsing a scheme; do the same before checking.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  const probe = href.replace(/[\u0000-\u0020]/g, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(probe);
  if (scheme && !['http', 'https', 'mailto'].includes(scheme[1].toLowerCase())) {
    throw new Error(`unsafe link: ${JSON.stringify(href)}`);
  }
  return href;
}

/** A stable id from a heading: lowercase ASCII words joined by '-'. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s === '' ? 'section' : s;
}

export function link(href: string, text: Child): Markup {
  return hel('a', { href: safeHref(href) }, text);
}

export function p(...children: Child[]): Markup {
  return hel('p', {}, ...children);
}

export function code(text: string): Markup {
  return hel('code', {}, text);
}

export function em(...children: Child[]): Markup {
  return hel('em', {}, ...children);
}

export function strong(...children: Child[]): Markup {
  return hel('strong', {}, ...children);
}

export function list(items: readonly Child[], ordered = false): Markup {
  return hel(
    ordered ? 'ol' : 'ul',
    {},
    items.map((it) => hel('li', {}, it)),
  );
}

export interface SectionOptions {
  readonly title: string;
  /** Anchor id (default: slug of the title). */
  readonly id?: string;
  /** Heading level 2..4 (default 2). */
  readonly level?: 2 | 3 | 4;
}

/** A titled section; the heading gets an id so other pages can link to `page.html#id`. */
export function section(head: string | SectionOptions, ...children: Child[]): Markup {
  const o = typeof head === 'string' ? { title: head } : head;
  const id = o.id ?? slug(o.title);
  return hel('section', { id }, hel(`h${o.level ?? 2}`, {}, o.title), ...children);
}

export type Status = 'pass' | 'fail' | 'warn' | 'skip' | 'info';

const STATUS_TEXT: Readonly<Record<Status, string>> = {
  pass: 'pass',
  fail: 'fail',
  warn: 'warn',
  skip: 'skipped',
  info: 'info',
};

/** A status badge; the word is always shown, so the status does not depend on colour alone. */
export function badge(status: Status, text?: string): Markup {
  if (!(status in STATUS_TEXT)) throw new Error(`unknown status: ${JSON.stringify(status)}`);
  return hel('span', { class: `badge ${status}` }, text ?? STATUS_TEXT[status]);
}

/**
 * A figure: an SVG from the chart functions (string or markup) with an optional caption. A string must be an
 * `<svg` element, which catches passing plain text by mistake.
 */
export function figure(svg: string | Markup, caption?: Child, id?: string): Markup {
  let body: Markup;
  if (typeof svg === 'string') {
    if (!/^\s*<svg[\s>]/.test(svg)) throw new Error('figure: expected an <svg> string from a chart function');
    body = trusted(svg);
  } else body = svg;
  return hel('figure', { id }, body, caption !== undefined ? hel('figcaption', {}, caption) : null);
}

export interface Definition {
  readonly term: Child;
  readonly details: Child;
}

/** A definition list, laid out as a two-column grid (used for claim criteria: what, threshold, observed). */
export function definitionList(items: readonly Definition[]): Markup {
  return hel(
    'dl',
    { class: 'criteria' },
    items.map((d) => [hel('dt', {}, d.term), hel('dd', {}, d.details)]),
  );
}

/** Navigation between report pages. */
export function nav(links: readonly Link[]): Markup {
  return hel(
    'nav',
    { class: 'pages', 'aria-label': 'Report pages' },
    links.map((l) =>
      hel('a', { href: safeHref(l.href), 'aria-current': l.current ? 'page' : undefined }, l.text),
    ),
  );
}

/** A complete HTML document with the embedded stylesheet. */
export function page(o: PageOptions, ...body: Child[]): string {
  const lang = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(o.lang ?? 'en') ? (o.lang ?? 'en') : 'en';
  const head = hel(
    'head',
    {},
    hel('meta', { charset: 'utf-8' }),
    hel('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    hel('title', {}, o.title),
    hel('style', {}, new Markup(STYLESHEET)),
  );
  const header = hel(
    'header',
    { class: 'page' },
    hel('h1', {}, o.title),
    o.subtitle !== undefined ? hel('p', { class: 'subtitle' }, o.subtitle) : null,
    o.nav && o.nav.length > 0 ? nav(o.nav) : null,
  );
  const footer = o.footer !== undefined ? hel('footer', { class: 'page' }, o.footer) : null;
  return `<!DOCTYPE html>\n${hel('html', { lang }, head, hel('body', {}, header, hel('main', {}, ...body), footer)).value}\n`;
}

export { escapeText };
