// Small pieces every page uses.

import type { ComponentChildren } from 'preact';
import { followLink } from '../router.js';

/** A link inside the console (no page reload). */
export function Link(props: {
  href: string;
  children: ComponentChildren;
  class?: string;
  current?: boolean;
}) {
  return (
    <a
      href={props.href}
      class={props.class}
      aria-current={props.current ? 'page' : undefined}
      onClick={(event) => followLink(event, props.href)}
    >
      {props.children}
    </a>
  );
}

/** A failure, announced to screen readers. */
export function ErrorNote(props: { children: ComponentChildren }) {
  return (
    <p class="error" role="alert">
      {props.children}
    </p>
  );
}

/** Shown while something loads. */
export function Loading(props: { what?: string }) {
  return (
    <p class="muted" aria-live="polite">
      Loading{props.what ? ` ${props.what}` : ''}…
    </p>
  );
}

/** A page's title and what it is for. */
export function PageHeader(props: { title: string; children?: ComponentChildren }) {
  return (
    <header class="page-header">
      <h1>{props.title}</h1>
      {props.children ? <p class="muted">{props.children}</p> : null}
    </header>
  );
}

/** One figure with its label. */
export function Stat(props: { label: string; value: ComponentChildren; note?: string }) {
  return (
    <div class="stat">
      <dt>{props.label}</dt>
      <dd>
        <span class="stat-value">{props.value}</span>
        {props.note ? <span class="muted stat-note">{props.note}</span> : null}
      </dd>
    </div>
  );
}
