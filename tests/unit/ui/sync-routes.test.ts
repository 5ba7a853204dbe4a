// The team screen's routes: #/team, and an invite link opened in the app (the whole hash,
// secret included, goes to the join screen and nowhere else).
import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '../../../src/ui/routes';

describe('team routes', () => {
  it('parses #/team and builds it', () => {
    expect(parseRoute('#/team')).toEqual({ name: 'team' });
    expect(parseRoute(href.team())).toEqual({ name: 'team' });
  });

  it('sends an invite link to the join screen with the whole fragment', () => {
    const hash = `#invite=0190a000-0000-7000-8000-000000000001.${'a'.repeat(43)}`;
    expect(parseRoute(hash)).toEqual({ name: 'join', link: hash });
  });

  it('does not mistake other routes for team routes', () => {
    expect(parseRoute('#/team/x')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
  });
});
