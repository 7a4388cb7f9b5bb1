import { z } from 'zod';
import { login, password } from './common';

export const signInInput = z.strictObject({ login, password });
export const clockInput = z.strictObject({});
