import type { Node } from 'typescript';
import type { TypeScriptApi } from './load-typescript.js';

/**
 * Attaches `lines` to `node` as a JSDoc block (`/** one line *\/` or one ` * ` line each); nothing
 * when there is nothing to say. The printer indents the block with the node.
 */
export function withDocComment<T extends Node>(
  ts: TypeScriptApi,
  node: T,
  lines: readonly string[],
): T {
  const text = docCommentText(lines);
  if (text !== undefined) {
    ts.addSyntheticLeadingComment(node, ts.SyntaxKind.MultiLineCommentTrivia, text, true);
  }
  return node;
}

/**
 * The inside of a JSDoc block (what goes between `/*` and `*\/`). The compiler writes comment
 * text as given, so the one sequence that would end the comment early, `*\/`, is broken here.
 */
export function docCommentText(lines: readonly string[]): string | undefined {
  const text = lines
    .flatMap((line) => line.split(/\r\n|[\r\n\u2028\u2029]/))
    .map((line) => line.replaceAll('*/', '*\\/'));
  if (text.length === 0) return undefined;
  if (text.length === 1) return `* ${text[0]} `;
  return `*\n${text.map((line) => ` * ${line}`.trimEnd()).join('\n')}\n `;
}
