import type { Node } from 'typescript';
import type { TypeScriptApi } from './load-typescript.js';

/**
 * Source text for `nodes`, one after the other with a blank line between, as the compiler's
 * printer writes them, indented by two spaces like the rest of this repository.
 */
export function printNodes(ts: TypeScriptApi, nodes: readonly Node[]): string {
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
  const file = ts.createSourceFile(
    'generated.ts',
    '',
    ts.ScriptTarget.Latest,
    false,
    ts.ScriptKind.TS,
  );
  return nodes
    .map((node) => twoSpaceIndent(printer.printNode(ts.EmitHint.Unspecified, node, file)))
    .join('\n\n');
}

/**
 * The printer indents by four spaces and has no option for it. Halving leading indentation
 * cannot change meaning: the printer escapes line breaks in string literals, so every line
 * starts with layout or a comment's continuation.
 */
function twoSpaceIndent(text: string): string {
  return text.replace(/^(?: {4})+/gm, (indent) => ' '.repeat(indent.length / 2));
}
