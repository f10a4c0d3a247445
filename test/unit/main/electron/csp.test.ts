import { describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../../../src/main/csp';

const directives = new Map(
  RENDERER_CSP.split(';').map((part) => {
    const [name = '', ...values] = part.trim().split(/\s+/);
    return [name, values] as const;
  }),
);

describe('renderer CSP', () => {
  it('denies by default and allows scripts, styles and fonts only from the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('font-src')).toEqual(["'self'"]);
  });

  it('gives the renderer no network at all', () => {
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    expect(RENDERER_CSP).toContain("connect-src 'none'");
  });

  it('allows images only from the app and blob: (no data:, no remote hosts)', () => {
    expect(directives.get('img-src')).toEqual(["'self'", 'blob:']);
  });

  it('has no unsafe or remote sources anywhere', () => {
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", 'http:', 'https:', 'data:', '*', 'ws:']) {
      for (const values of directives.values()) expect(values).not.toContain(bad);
    }
  });

  it('forbids plugins, frames, workers, forms, <base> and being framed', () => {
    for (const name of [
      'object-src',
      'frame-src',
      'child-src',
      'worker-src',
      'media-src',
      'manifest-src',
      'form-action',
      'frame-ancestors',
      'base-uri',
    ]) {
      expect(directives.get(name), name).toEqual(["'none'"]);
    }
  });
});
