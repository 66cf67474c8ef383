/** Printable blocks (src/tables: the command line's tables and prose) as HTML, so both surfaces say the same. */
import type { KeyboardEvent } from 'react';
import type { Block } from '../../../src/tables/index.js';

/** One list or table of the blocks whose items can be chosen (a cycle, a data flow), by the block's index. */
export interface BlockChoice {
  block: number;
  chosen: number | undefined;
  choose: (item: number) => void;
}

export function Blocks({ blocks, choice }: { blocks: readonly Block[]; choice?: BlockChoice }) {
  const chooser = (i: number, j: number) =>
    choice?.block === i
      ? {
          className: choice.chosen === j ? 'choosable chosen' : 'choosable',
          'aria-selected': choice.chosen === j,
          tabIndex: 0,
          'data-item': j,
          onClick: () => choice.choose(j),
          onKeyDown: (e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), choice.choose(j)),
        }
      : {};
  return (
    <div className="blocks">
      {blocks.map((block, i) => {
        switch (block.kind) {
          case 'heading':
            return block.level === 1 ? <h3 key={i}>{block.text}</h3> : <h4 key={i}>{block.text}</h4>;
          case 'text':
            return (
              <p key={i} className="prose">
                {block.text}
              </p>
            );
          case 'list':
            return block.items.length === 0 ? (
              <p key={i} className="muted">
                {block.empty}
              </p>
            ) : (
              <ul key={i} role={choice?.block === i ? 'listbox' : undefined}>
                {block.items.map((item, j) => (
                  <li key={j} role={choice?.block === i ? 'option' : undefined} {...chooser(i, j)}>
                    {item}
                  </li>
                ))}
              </ul>
            );
          case 'table':
            return (
              <div key={i} className="table-scroll">
                <table>
                  <thead>
                    <tr>
                      {block.columns.map((c, j) => (
                        <th key={j} className={c.align === 'right' ? 'number' : undefined}>
                          {c.title}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {block.rows.map((row, j) => (
                      <tr key={j} {...chooser(i, j)}>
                        {row.map((cell, k) => (
                          <td key={k} className={block.columns[k]?.align === 'right' ? 'number' : undefined}>
                            {cell}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
        }
      })}
    </div>
  );
}
