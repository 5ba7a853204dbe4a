// "What to bring": a small editable checklist (passport, letters, payslips, ...).
import { useState } from 'preact/hooks';
import { newId } from '../../../domain/ids';
import type { ChecklistItem } from '../../../domain/types';
import { useT } from '../../hooks/use-t';

export function Checklist({
  items,
  onChange,
}: {
  items: ChecklistItem[];
  onChange: (items: ChecklistItem[]) => void;
}) {
  const { t } = useT();
  const [draft, setDraft] = useState('');
  const add = () => {
    const text = draft.trim();
    if (!text) return;
    onChange([...items, { id: newId(), text, done: false }]);
    setDraft('');
  };
  return (
    <fieldset class="field checklist">
      <legend>{t('appointment.bring')}</legend>
      <ul>
        {items.map((item) => (
          <li key={item.id} class="checklist__item">
            <input
              type="checkbox"
              id={`bring-${item.id}`}
              checked={item.done}
              onChange={(e) =>
                onChange(
                  items.map((i) =>
                    i.id === item.id ? { ...i, done: e.currentTarget.checked } : i,
                  ),
                )
              }
            />
            <label for={`bring-${item.id}`} dir="auto">
              {item.text}
            </label>
            <button
              type="button"
              class="icon-button"
              aria-label={t('appointment.bringRemove', { item: item.text })}
              onClick={() => onChange(items.filter((i) => i.id !== item.id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div class="checklist__add">
        <label for="bring-new" class="visually-hidden">
          {t('appointment.bringNew')}
        </label>
        <input
          id="bring-new"
          dir="auto"
          value={draft}
          placeholder={t('appointment.bringPlaceholder')}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" class="button" onClick={add}>
          {t('common.add')}
        </button>
      </div>
    </fieldset>
  );
}
