/**
 * @module http/scopedController
 * Like inversify-express-utils' `@controller`, but without adding the class to
 * the library's process-wide controller list. That list makes every container
 * in the process try to serve a controller as soon as its file is imported;
 * ours is served only by containers that loaded `serverAuthModule`, which binds
 * it under the library's `TYPE.Controller` itself.
 */
import { decorate, injectable } from 'inversify';
import { METADATA_KEY } from 'inversify-express-utils';

export function scopedController(path: string): ClassDecorator {
  return (target) => {
    decorate(injectable(), target);
    Reflect.defineMetadata(METADATA_KEY.controller, { middleware: [], path, target }, target);
  };
}
