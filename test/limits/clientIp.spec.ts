import { expect } from 'chai';
import { clientIp, trustedProxies } from '../../src/limits/clientIp.js';

describe('clientIp()', () => {
  const none = trustedProxies([]);
  const proxies = trustedProxies(['10.0.0.0/8', '192.0.2.7', 'fd00::/8']);

  it('without trusted proxies, is the socket address whatever X-Forwarded-For says', () => {
    expect(clientIp('203.0.113.9', '198.51.100.1', none)).to.equal('203.0.113.9');
    expect(clientIp('::ffff:203.0.113.9', undefined, none)).to.equal('203.0.113.9');
  });

  it('from a trusted proxy, is the first untrusted address from the right', () => {
    expect(clientIp('10.1.2.3', '198.51.100.1', proxies)).to.equal('198.51.100.1');
    // The client may prepend anything; only the hops our proxies appended count.
    expect(clientIp('10.1.2.3', '6.6.6.6, 198.51.100.1, 10.9.9.9', proxies)).to.equal('198.51.100.1');
    expect(clientIp('192.0.2.7', ['6.6.6.6', '198.51.100.2'], proxies)).to.equal('198.51.100.2');
    expect(clientIp('fd00::1', '2001:db8::5', proxies)).to.equal('2001:db8::5');
  });

  it('from an untrusted socket, ignores the header', () => {
    expect(clientIp('203.0.113.9', '10.0.0.1', proxies)).to.equal('203.0.113.9');
  });

  it('stops at garbage in the header, keeping the last address it could read', () => {
    expect(clientIp('10.1.2.3', 'not-an-ip, 10.2.2.2', proxies)).to.equal('10.2.2.2');
    expect(clientIp('10.1.2.3', '', proxies)).to.equal('10.1.2.3');
  });
});
