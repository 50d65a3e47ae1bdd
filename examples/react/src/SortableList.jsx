import { useId, useLayoutEffect, useRef, useState } from 'react';

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

function moveItem(list, from, to) {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/**
 * A reorderable list. `items` are { id, label }; `onReorder(newItems)` runs once per drop.
 * Mouse: native HTML drag and drop. Keyboard: focus a handle, Space or Enter picks the item
 * up, ArrowUp/ArrowDown move it, Space or Enter drops it, Escape puts it back.
 * While dragging, the list shows a draft order; nothing is committed until the drop.
 */
export default function SortableList({ items, onReorder, label }) {
  const [drag, setDrag] = useState(null); // { id, mode: 'keyboard' | 'pointer', draft: items[] }
  const [announcement, setAnnouncement] = useState('');
  const handles = useRef(new Map());
  const instructionsId = useId();

  const shown = drag ? drag.draft : items;
  const total = items.length;
  const labelOf = (id) => items.find((item) => item.id === id)?.label;
  const positionIn = (list, id) => list.findIndex((item) => item.id === id) + 1;

  function pickUp(id, mode) {
    setDrag({ id, mode, draft: items });
    setAnnouncement(`Picked up ${labelOf(id)}, position ${positionIn(items, id)} of ${total}.`);
  }

  function moveTo(index) {
    const from = drag.draft.findIndex((item) => item.id === drag.id);
    if (index < 0 || index >= total || index === from) return;
    setDrag({ ...drag, draft: moveItem(drag.draft, from, index) });
    setAnnouncement(`${labelOf(drag.id)} moved to position ${index + 1} of ${total}.`);
  }

  function drop() {
    const position = positionIn(drag.draft, drag.id);
    if (position !== positionIn(items, drag.id)) onReorder(drag.draft);
    setAnnouncement(`${labelOf(drag.id)} dropped at position ${position} of ${total}.`);
    setDrag(null);
  }

  function cancel() {
    setAnnouncement(`Reorder cancelled. ${labelOf(drag.id)} is back at position ${positionIn(items, drag.id)} of ${total}.`);
    setDrag(null);
  }

  function handleKeyDown(event, id) {
    const { key } = event;
    if (!drag) {
      if (key === ' ' || key === 'Enter') {
        event.preventDefault(); // no page scroll, no click
        pickUp(id, 'keyboard');
      }
      return;
    }
    if (drag.id !== id) return;
    const index = positionIn(drag.draft, id) - 1;
    const actions = {
      ArrowUp: () => moveTo(index - 1),
      ArrowDown: () => moveTo(index + 1),
      ' ': drop,
      Enter: drop,
      Escape: cancel,
    };
    if (actions[key]) {
      event.preventDefault();
      actions[key]();
    }
  }

  // Moving a DOM node can blur it; keep focus on the handle of the item being moved.
  useLayoutEffect(() => {
    if (drag?.mode !== 'keyboard') return;
    const handle = handles.current.get(drag.id);
    if (handle && document.activeElement !== handle) handle.focus();
  }, [drag]);

  return (
    <div>
      <p id={instructionsId} style={visuallyHidden}>
        Press Space or Enter to pick up an item. Use the up and down arrow keys to move it, Space or
        Enter to drop it, and Escape to cancel.
      </p>
      <ul aria-label={label}>
        {shown.map((item) => {
          const active = drag?.id === item.id;
          return (
            <li
              key={item.id}
              draggable
              data-dragging={active || undefined}
              onDragStart={(event) => {
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', String(item.id)); // Firefox needs data
                pickUp(item.id, 'pointer');
              }}
              onDragOver={(event) => {
                if (drag?.mode !== 'pointer') return;
                event.preventDefault(); // marks this element as a valid drop target
                event.dataTransfer.dropEffect = 'move';
                if (!active) moveTo(shown.indexOf(item));
              }}
              onDrop={(event) => {
                event.preventDefault();
                if (drag?.mode === 'pointer') drop();
              }}
              onDragEnd={() => {
                if (drag?.mode === 'pointer') cancel(); // released outside the list
              }}
            >
              <button
                type="button"
                ref={(node) => {
                  handles.current.set(item.id, node);
                  return () => handles.current.delete(item.id); // React 19 ref cleanup
                }}
                aria-label={`Reorder ${item.label}`}
                aria-describedby={instructionsId}
                aria-pressed={active}
                onKeyDown={(event) => handleKeyDown(event, item.id)}
              >
                ⠿
              </button>{' '}
              {item.label}
            </li>
          );
        })}
      </ul>
      <div aria-live="assertive" aria-atomic="true" style={visuallyHidden}>
        {announcement}
      </div>
    </div>
  );
}
