// The app's services (database and repositories), provided once by app/App.tsx.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LotseDb } from '../../db/database';
import type { Repositories } from '../../db/repositories';

export type Services = { db: LotseDb; repositories: Repositories; now: () => Date };

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesContext missing');
  return services;
}
