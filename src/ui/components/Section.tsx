import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

type SectionProps = { title: string; action?: ComponentChildren; children: ComponentChildren };

export function Section({ title, action, children }: SectionProps) {
  const id = useId();
  return (
    <section class="section" aria-labelledby={id}>
      <div class="section__head">
        <h2 id={id}>{title}</h2>
        {action}
      </div>
      {children}
    </section>
  );
}
