/**
 * @module bench/benchSwitches
 * The two comparison knobs of the bench, read from the environment in this
 * one place: `PICO_WALLET_FAST_PATH` becomes the server's
 * `server_auth.wallet_verify_path` and `PICO_MLDSA_ENGINE` its
 * `server_auth.ml_dsa_engine` (the server itself reads only its config).
 */
export const benchSwitches = Object.freeze({
  walletVerifyPath: process.env['PICO_WALLET_FAST_PATH'] ?? 'threadPool',
  mlDsaEngine: process.env['PICO_MLDSA_ENGINE'] ?? 'auto',
});
