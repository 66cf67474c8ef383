/** The canvas of one actor as printable blocks, in the order of the canvas poster. */
import { BLOCK_TITLES, CANVAS_BLOCKS, type Canvas } from '../../analyses/index.js';
import { heading, list, paragraph, type Block } from './blocks.js';
import { formatMoney } from './numbers.js';

export function canvasBlocks(canvas: Canvas, periodWord: string): Block[] {
  const blocks: Block[] = [
    heading(`Business Model Canvas — ${canvas.name}`),
    paragraph(`Derived from the value network; amounts are totals over ${canvas.horizon} ${periodWord}s, in ${canvas.currency}.`),
  ];
  for (const block of CANVAS_BLOCKS) {
    blocks.push(heading(BLOCK_TITLES[block], 2));
    blocks.push(list(canvas.blocks[block].map((item) => (item.amount === undefined ? item.text : `${item.text}: ${formatMoney(item.amount)}`))));
  }
  return blocks;
}
