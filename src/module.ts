/**
 * @module module
 * `serverAuthModule`: the Inversify container module. Every binding is a
 * default registered only when nothing is bound to its symbol yet, so a user
 * binds their own store or service before loading the module, or `rebind`s it
 * afterwards (multi-instance setups rebind the stores to shared drivers).
 */
import 'reflect-metadata';
import type { Application } from 'express';
import { ContainerModule, type interfaces } from 'inversify';
import { InversifyExpressServer, TYPE } from 'inversify-express-utils';
import type { PicoConfig } from './config/ServerAuthSettings.js';
import { defaultConfig } from './config/loadConfig.js';
import { authControllers } from './http/controllers/authControllers.js';
import { errorMiddleware, notFoundHandler } from './http/errorMiddleware.js';
import { TYPES } from './identifiers.js';
import { consoleLogger, type Logger } from './logging/Logger.js';
import { AdminLoginService } from './services/LoginService.js';
import { WalletSignInService } from './services/SignInService.js';
import { bindDefaultStores } from './stores/bindDefaultStores.js';
import { BearerGuard } from './guard/BearerGuard.js';
import { FleetService } from './services/FleetService.js';
import { RefreshService } from './services/RefreshService.js';
import { TokenAdminService } from './services/TokenAdminService.js';
import { JwtTokenVerifier } from './tokens/TokenVerifier.js';
import { systemClock } from './time/Clock.js';
import { JwtTokenIssuer } from './tokens/JwtTokenIssuer.js';
import { SchemeWalletVerifier } from './wallet/WalletVerifier.js';

/** Bound on first load: loading the module twice (two copies of the package) is then harmless. */
const LOADED = Symbol.for('pico-server-auth/serverAuthModule/loaded');

export const serverAuthModule: interfaces.ContainerModule = new ContainerModule((bind, _unbind, isBound) => {
  if (isBound(LOADED)) return;
  bind(LOADED).toConstantValue(true);
  const bindDefault = <T>(id: interfaces.ServiceIdentifier<T>): interfaces.BindingToSyntax<T> | undefined =>
    isBound(id) ? undefined : bind<T>(id);

  // Configuration: a host that bound nothing gets the documented defaults.
  bindDefault(TYPES.PicoConfig)?.toDynamicValue(() => defaultConfig()).inSingletonScope();
  bindDefault(TYPES.ServerAuthSettings)
    ?.toDynamicValue((ctx) => ctx.container.get(TYPES.PicoConfig).server_auth)
    .inSingletonScope();
  bindDefault(TYPES.Clock)?.toConstantValue(systemClock);
  bindDefault(TYPES.Logger)?.toConstantValue(consoleLogger);

  // Stores: each one nobody bound goes to the driver the config selects (stores/storeDrivers.ts).
  bindDefaultStores(bindDefault);

  // Services.
  bindDefault(TYPES.TokenVerifier)?.to(JwtTokenVerifier).inSingletonScope();
  bindDefault(TYPES.BearerGuard)?.to(BearerGuard).inSingletonScope();
  bindDefault(TYPES.RefreshService)?.to(RefreshService).inSingletonScope();
  bindDefault(TYPES.FleetService)?.to(FleetService).inSingletonScope();
  bindDefault(TYPES.TokenAdminService)?.to(TokenAdminService).inSingletonScope();
  bindDefault(TYPES.WalletVerifier)?.to(SchemeWalletVerifier).inSingletonScope();
  bindDefault(TYPES.TokenIssuer)?.to(JwtTokenIssuer).inSingletonScope();
  bindDefault(TYPES.SignInService)?.to(WalletSignInService).inSingletonScope();
  bindDefault(TYPES.LoginService)?.to(AdminLoginService).inSingletonScope();

  // HTTP: our controllers (under inversify-express-utils' symbol, by class
  // name, as it resolves them), and the standalone application.
  for (const controller of authControllers) {
    bind(TYPE.Controller).to(controller).inSingletonScope().whenTargetNamed(controller.name);
  }
  bindDefault(TYPES.App)
    ?.toDynamicValue((ctx) => buildStandaloneApp(ctx.container))
    .inSingletonScope();
});

/** The Express app standalone mode serves: the container's controllers plus 404 and error handling. */
export function buildStandaloneApp(container: interfaces.Container): Application {
  const logger = container.get<Logger>(TYPES.Logger);
  return new InversifyExpressServer(container as never, null, null, null, null, false)
    .setConfig((app) => {
      app.disable('x-powered-by');
    })
    .setErrorConfig((app) => {
      app.use(notFoundHandler);
      app.use(errorMiddleware(logger));
    })
    .build();
}

export type { PicoConfig };
