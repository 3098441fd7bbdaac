import type { AppEnv } from '../http/app-env';

/** The console shares the app's environment; `staff` is set once someone has signed in. */
export type ConsoleEnv = AppEnv;
