import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../api/config';

describe('WEBHOOK_ALLOW_PRIVATE_ADDRESSES', () => {
  it('is off in production and on in development and test unless set', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).webhooks.allowPrivateAddresses).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).webhooks.allowPrivateAddresses).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).webhooks.allowPrivateAddresses).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test', WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'off' }).webhooks.allowPrivateAddresses).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'on' }).webhooks.allowPrivateAddresses).toBe(true);
  });

  it('refuses anything but on or off', () => {
    expect(() => loadConfig({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'yes' })).toThrow(ConfigError);
  });
});
