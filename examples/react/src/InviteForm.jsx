import { useRef, useState } from 'react';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ROLES = ['viewer', 'editor', 'admin'];

// Ids come from a counter, never from the array index: a row keeps its key (and so its DOM
// input, focus and any local state) when rows above it are removed.
let lastRowId = 0;
function newRow() {
  lastRowId += 1;
  return { id: `row-${lastRowId}`, email: '', role: 'viewer' };
}

// Returns { [rowId]: { email?: message } }; an empty object means the form is valid.
export function validateRows(rows) {
  const errors = {};
  const seen = new Set();
  for (const row of rows) {
    const email = row.email.trim().toLowerCase();
    let message;
    if (!email) message = 'Enter an email address.';
    else if (!EMAIL.test(email)) message = 'Enter a valid email address.';
    else if (seen.has(email)) message = 'This email is already in the list.';
    seen.add(email);
    if (message) errors[row.id] = { email: message };
  }
  return errors;
}

export default function InviteForm({ onSubmit, maxRows = 5 }) {
  const [rows, setRows] = useState(() => [newRow()]);
  const [submitted, setSubmitted] = useState(false);
  const [addedId, setAddedId] = useState(null);
  const emailInputs = useRef(new Map()); // row id -> <input>, for focus management

  const errors = validateRows(rows);
  const hasErrors = Object.keys(errors).length > 0;

  function update(id, field, value) {
    setRows((current) => current.map((row) => (row.id === id ? { ...row, [field]: value } : row)));
  }

  function addRow() {
    const row = newRow();
    setRows((current) => [...current, row]);
    setAddedId(row.id); // its email input takes focus when it mounts
  }

  function removeRow(id) {
    // The Remove button disappears with its row; move focus to a neighbour, not to <body>.
    const index = rows.findIndex((row) => row.id === id);
    const neighbour = rows[index - 1] ?? rows[index + 1];
    setRows((current) => current.filter((row) => row.id !== id));
    if (neighbour) emailInputs.current.get(neighbour.id)?.focus();
  }

  function handleSubmit(event) {
    event.preventDefault();
    setSubmitted(true);
    if (hasErrors) {
      const firstBad = rows.find((row) => errors[row.id]);
      emailInputs.current.get(firstBad.id)?.focus();
      return;
    }
    // The server gets plain data: no client-only ids.
    onSubmit(rows.map(({ email, role }) => ({ email: email.trim(), role })));
  }

  return (
    <form noValidate onSubmit={handleSubmit} aria-label="Invite teammates">
      {rows.map((row, index) => {
        const error = submitted ? errors[row.id]?.email : undefined;
        const emailId = `${row.id}-email`;
        return (
          <fieldset key={row.id}>
            <legend>Teammate {index + 1}</legend>
            <label htmlFor={emailId}>Email</label>
            <input
              id={emailId}
              ref={(node) => {
                emailInputs.current.set(row.id, node);
                return () => emailInputs.current.delete(row.id);
              }}
              type="email"
              value={row.email}
              onChange={(event) => update(row.id, 'email', event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${emailId}-error` : undefined}
              autoFocus={row.id === addedId}
            />
            {error && <p id={`${emailId}-error`}>{error}</p>}
            <label htmlFor={`${row.id}-role`}>Role</label>
            <select id={`${row.id}-role`} value={row.role} onChange={(event) => update(row.id, 'role', event.target.value)}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
            <button
              type="button"
              onClick={() => removeRow(row.id)}
              disabled={rows.length === 1}
              aria-label={`Remove teammate ${index + 1}`}
            >
              Remove
            </button>
          </fieldset>
        );
      })}
      <button type="button" onClick={addRow} disabled={rows.length >= maxRows}>
        Add teammate
      </button>
      {rows.length >= maxRows && <p>You can invite up to {maxRows} people at a time.</p>}
      <button type="submit">Send invites</button>
    </form>
  );
}
