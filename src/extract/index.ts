/** Extraction: RawArticle -> Doc (body, title, date, byline); the body text is frozen here. */
export * from './extract-doc.js';
export * from './line-classifier.js';
export * from './trim-paragraphs.js';
export * from './plain-text.js';
export * from './html-body.js';
export * from './html-meta.js';
export * from './published.js';
export * from './dom-text.js';
export * from './strip-html.js';
export { parseDocument } from './html-dom.js';
