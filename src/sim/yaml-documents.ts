import { parseAllDocuments } from 'yaml';
import type { KubeBody } from './kube-object.js';

/**
 * Every document of a YAML stream, as `kubectl apply -f -` reads it. A module of its own so the
 * simulated kubectl can load it lazily: a dynamic `import('yaml')` of the bundled CommonJS build
 * gives only a default export, while a static named import here goes through esbuild's interop.
 */
export function parseYamlDocuments(text: string): KubeBody[] {
  return parseAllDocuments(text).map((d) => d.toJS() as KubeBody);
}
