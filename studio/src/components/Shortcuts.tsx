/** The keyboard shortcuts, listed under `?`. */
import { NAMED_KEYS, SHORTCUTS, type Key } from '../logic/shortcuts.js';
import { useWords } from '../words.js';

function isNamed(key: Key): key is (typeof NAMED_KEYS)[number] {
  return (NAMED_KEYS as readonly string[]).includes(key);
}

export function Shortcuts({ onClose }: { onClose: () => void }) {
  const words = useWords();
  const keyWord = (key: Key) => (isNamed(key) ? words.t(`studio.key.${key}`) : key);
  return (
    <div className="overlay" role="dialog" aria-label={words.t('studio.shortcuts.title')} onClick={onClose}>
      <div className="dialog" onClick={(e) => e.stopPropagation()}>
        <h2>{words.t('studio.shortcuts.title')}</h2>
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.action}>
                <td>
                  {s.keys.map((key, i) => (
                    <kbd key={i}>{keyWord(key)}</kbd>
                  ))}
                </td>
                <td>{words.t(`studio.shortcut.${s.action}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button onClick={onClose}>{words.t('studio.action.close')}</button>
      </div>
    </div>
  );
}
