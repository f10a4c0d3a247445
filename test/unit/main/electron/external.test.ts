import { describe, expect, it, vi } from 'vitest';
import { isAllowedExternal } from '../../../../src/main/electron/security';
import { assertOpenable } from '../../../../src/main/services/links';

vi.mock('electron', () => ({}));

// link:open is the only path to shell.openExternal: the links service checks the workspace's customer
// origin (assertOpenable), then main's openExternal checks the link is a web link (isAllowedExternal).
const opens = (url: string, base: string, demo = false): boolean => {
  try {
    assertOpenable(url, base, demo);
  } catch {
    return false;
  }
  return isAllowedExternal(url);
};

describe('shell.openExternal allowlist (link:open)', () => {
  const ondato = 'https://idv.ondato.com';

  it('opens the customer link on the workspace’s customer host', () => {
    expect(opens('https://idv.ondato.com/?id=abc', ondato)).toBe(true);
    expect(opens('https://verify.example.com/?id=abc', 'https://verify.example.com')).toBe(true);
  });

  it.each([
    'https://idv.ondato.com.evil.example/?id=abc',
    'https://evil.example/?id=abc',
    'http://idv.ondato.com/?id=abc',
    'https://user@idv.ondato.com/?id=abc',
    'https://idv.ondato.com/login?id=abc',
    'https://idv.ondato.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
  ])('refuses %s', (url) => {
    expect(opens(url, ondato)).toBe(false);
  });

  it('opens plain http only for the demo simulator on loopback', () => {
    expect(opens('http://127.0.0.1:4010/?id=abc', 'http://127.0.0.1:4010', true)).toBe(true);
    expect(opens('http://127.0.0.1:4010/?id=abc', 'http://127.0.0.1:4010', false)).toBe(false);
  });
});
