// The one module that talks to the service worker (through workbox-window via
// vite-plugin-pwa's register helper). It never reloads on its own: the UI shows
// "a new version is ready" and calls applyUpdate() when the user chooses — after
// flushing unsaved input, so nothing typed is lost across an update.
import { registerSW } from 'virtual:pwa-register';

export type PwaState = {
  isUpdateReady: boolean;
  isOfflineReady: boolean;
  registrationError: boolean;
};

let state: PwaState = { isUpdateReady: false, isOfflineReady: false, registrationError: false };
const listeners = new Set<(state: PwaState) => void>();
let updateServiceWorker: ((reloadPage?: boolean) => Promise<void>) | null = null;
let registration: ServiceWorkerRegistration | undefined;

function setState(patch: Partial<PwaState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener(state);
}

export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  updateServiceWorker = registerSW({
    immediate: true,
    onNeedRefresh: () => setState({ isUpdateReady: true }),
    onOfflineReady: () => setState({ isOfflineReady: true }),
    onRegisteredSW: (_url, reg) => {
      registration = reg;
      if (reg) watchForWaitingWorker(reg);
    },
    onRegisterError: () => setState({ registrationError: true }),
  });
  // Look for a new version whenever the app comes back to the foreground.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && navigator.onLine) {
      void registration?.update().catch(() => undefined);
    }
  });
}

/**
 * workbox-window guesses which new workers are updates: it stops listening after the first one
 * it calls "external", and a worker found while it was still loading can be taken for the
 * first install. Whatever it decides, a worker waiting next to an active one is a new version.
 */
function watchForWaitingWorker(reg: ServiceWorkerRegistration): void {
  const check = (): void => {
    if (reg.waiting && reg.active && !state.isUpdateReady) setState({ isUpdateReady: true });
  };
  reg.addEventListener('updatefound', () => {
    const worker = reg.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') check();
    });
  });
  check();
}

export function getPwaState(): PwaState {
  return state;
}

export function subscribePwa(listener: (state: PwaState) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function dismissOfflineReady(): void {
  setState({ isOfflineReady: false });
}

/** Activates the waiting service worker and reloads. Call only after saving all input. */
export async function applyUpdate(): Promise<void> {
  // workbox-window reloads only when the page was already controlled when it registered;
  // an update found during the very first visit needs this listener.
  let isReloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (isReloading) return;
    isReloading = true;
    window.location.reload();
  });
  await updateServiceWorker?.(true);
}
