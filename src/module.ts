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
import { BearerAuthenticator } from './guard/BearerAuthenticator.js';
import { ExpressBearerGuard } from './http/guard/BearerGuard.js';
import { routeMiddlewareFactories } from './http/guard/routeMiddleware.js';
import { FlexibleRateLimiter } from './limits/FlexibleRateLimiter.js';
import { memoryLimiters, redisLimiters } from './limits/limiterFactories.js';
import { SharedSecretFleetService } from './services/FleetService.js';
import { RotatingRefreshService } from './services/RefreshService.js';
import { StoreTokenAdminService } from './services/TokenAdminService.js';
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

  // Abuse limits: counters in Redis when the shared stores are, else in this process.
  bindDefault(TYPES.RateLimiterStore)
    ?.toDynamicValue((ctx) =>
      ctx.container.isBound(TYPES.RedisConnection) ? redisLimiters(ctx.container.get(TYPES.RedisConnection)) : memoryLimiters,
    )
    .inSingletonScope();
  bindDefault(TYPES.RateLimiter)?.to(FlexibleRateLimiter).inSingletonScope();

  // Services.
  bindDefault(TYPES.TokenVerifier)?.to(JwtTokenVerifier).inSingletonScope();
  bindDefault(TYPES.Authenticator)?.to(BearerAuthenticator).inSingletonScope();
  bindDefault(TYPES.BearerGuard)?.to(ExpressBearerGuard).inSingletonScope();
  bindDefault(TYPES.RefreshService)?.to(RotatingRefreshService).inSingletonScope();
  bindDefault(TYPES.FleetService)?.to(SharedSecretFleetService).inSingletonScope();
  bindDefault(TYPES.TokenAdminService)?.to(StoreTokenAdminService).inSingletonScope();
  bindDefault(TYPES.WalletVerifier)?.to(SchemeWalletVerifier).inSingletonScope();
  bindDefault(TYPES.TokenIssuer)?.to(JwtTokenIssuer).inSingletonScope();
  bindDefault(TYPES.SignInService)?.to(WalletSignInService).inSingletonScope();
  bindDefault(TYPES.LoginService)?.to(AdminLoginService).inSingletonScope();

  // HTTP: our controllers (under inversify-express-utils' symbol, by class
  // name, as it resolves them), and the standalone application.
  for (const controller of authControllers) {
    bind(TYPE.Controller).to(controller).inSingletonScope().whenTargetNamed(controller.name);
  }
  // The route middleware our controllers name (guards, gates), built from this container's services.
  for (const [id, factory] of routeMiddlewareFactories()) {
    bind(id).toDynamicValue((ctx) => factory(ctx.container)).inSingletonScope();
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
