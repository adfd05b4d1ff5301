/**
 * The locale of the command line's messages: `--locale` when given, else `en` when `LC_ALL`,
 * `LC_MESSAGES` or `LANG` (the first one set, as POSIX orders them) starts with `en`, else the
 * library's default, `zh-CN`.
 */
import type { Locale } from '../model/issues.js';

/** The locales `--locale` accepts. */
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** Whether a string is one of {@link LOCALES}. */
export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/**
 * The locale given by the environment: `en` when the first of `LC_ALL`, `LC_MESSAGES`, `LANG`
 * that is set and non-empty starts with `en`, else `zh-CN`.
 *
 * @example
 * localeFromEnv({ LANG: 'en_US.UTF-8' }) // → 'en'
 * localeFromEnv({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }) // → 'zh-CN'
 */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return value !== undefined && /^en(?:[_.@-]|$)/iu.test(value) ? 'en' : 'zh-CN';
}
