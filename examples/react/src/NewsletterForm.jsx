import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';

const TOPICS = [
  { value: 'django', label: 'Django' },
  { value: 'react', label: 'React' },
  { value: 'postgres', label: 'PostgreSQL' },
];

function SubmitButton() {
  // Reads the pending state of the parent <form>; must be rendered inside it.
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending}>
      {pending ? 'Subscribing…' : 'Subscribe'}
    </button>
  );
}

// A React 19 form action: React calls it with the FormData on submit, runs it in a transition,
// and resets the uncontrolled fields afterwards, so the returned state carries the values back.
export default function NewsletterForm({ subscribe }) {
  const [state, formAction] = useActionState(
    async (_previous, formData) => {
      const values = {
        email: String(formData.get('email') ?? '').trim(),
        topics: formData.getAll('topics'),
        frequency: formData.get('frequency'),
      };
      if (!values.email.includes('@')) return { values, error: 'Enter a valid email address.' };
      if (values.topics.length === 0) return { values, error: 'Pick at least one topic.' };
      try {
        await subscribe(values);
        return { values, done: true };
      } catch (error) {
        return { values, error: error.message };
      }
    },
    { values: { email: '', topics: [], frequency: 'weekly' }, error: null },
  );

  if (state.done) {
    return <p role="status">Check {state.values.email} to confirm your subscription.</p>;
  }

  const { values, error } = state;
  return (
    <form action={formAction} aria-label="Newsletter" noValidate>
      <label htmlFor="newsletter-email">Email</label>
      <input
        id="newsletter-email"
        name="email"
        type="email"
        defaultValue={values.email}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'newsletter-error' : undefined}
      />
      <fieldset>
        <legend>Topics</legend>
        {TOPICS.map((topic) => (
          <label key={topic.value}>
            <input
              type="checkbox"
              name="topics"
              value={topic.value}
              defaultChecked={values.topics.includes(topic.value)}
            />
            {topic.label}
          </label>
        ))}
      </fieldset>
      <label htmlFor="newsletter-frequency">Frequency</label>
      <select id="newsletter-frequency" name="frequency" defaultValue={values.frequency}>
        <option value="weekly">Weekly</option>
        <option value="monthly">Monthly</option>
      </select>
      {error && (
        <p id="newsletter-error" role="alert">
          {error}
        </p>
      )}
      <SubmitButton />
    </form>
  );
}
