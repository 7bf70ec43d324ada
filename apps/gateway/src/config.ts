import { gatewayConfigSchema, loadConfigOrExit, GatewayConfig } from '@app/config';

export function loadGatewayConfig(): GatewayConfig {
  return loadConfigOrExit(gatewayConfigSchema);
}
