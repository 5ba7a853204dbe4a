import { useEffect, useState } from 'preact/hooks';
import { getPwaState, subscribePwa, type PwaState } from '../../pwa/service-worker-bridge';

export function usePwa(): PwaState {
  const [state, setState] = useState(getPwaState);
  useEffect(() => subscribePwa(setState), []);
  return state;
}
