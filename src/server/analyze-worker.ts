/** The worker-thread side of `workerAnalyzer`: one article in, the analyze contract (or why not) out. */
import { toJson, type DocJson, type Result } from '../doc/index.js';
import { analyzeText } from '../pipeline/index.js';
import type { AnalyzeInput } from './analyzer.js';

export default function analyzeInWorker(input: AnalyzeInput): Result<DocJson> {
  const result = analyzeText(input.content, {
    id: input.id,
    html: input.html,
    url: input.url,
    published: input.published,
    anyLanguage: input.anyLanguage,
  });
  return result.ok ? { ok: true, value: toJson(result.value) } : result;
}
