import { HttpError } from '../http/context.js';

/**
 * A media query PMS would refuse: unknown field, operator, sort or type, or a value of the wrong
 * kind. It is an `HttpError(400)`, so a route that lets it propagate answers Plex's 400 page.
 */
export class QueryError extends HttpError {
  constructor(message: string) {
    super(400, message);
    this.name = 'QueryError';
  }
}
