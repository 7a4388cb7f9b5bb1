import { z } from 'zod';
import { login, newPassword, password } from './common';

export const signInInput = z.strictObject({ login, password });
export const clockInput = z.strictObject({});
export const changePasswordInput = z.strictObject({ currentPassword: password, newPassword });
export const signOutEverywhereInput = z.strictObject({});
