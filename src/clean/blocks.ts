// Moving blocks of an Extraction from `blocks` to `removed`, with a reason, keeping both in order.
import type { Block, Extraction, Removed } from '../record.js';

/** Takes out the blocks whose index is in `reasons` (index into x.blocks) and records why. */
export function removeBlocks(x: Extraction, reasons: ReadonlyMap<number, string>): Extraction {
  if (reasons.size === 0) return x;
  const blocks: Block[] = [];
  const removed: Removed[] = [...x.removed];
  x.blocks.forEach((block, i) => {
    const reason = reasons.get(i);
    if (reason === undefined) blocks.push(block);
    else removed.push({ text: block.text, reason, position: block.position });
  });
  removed.sort((a, b) => a.position - b.position);
  return { ...x, blocks, removed };
}
