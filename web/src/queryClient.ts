import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/client';

/** Retry only what may pass next time (network, 5xx); a 4xx answer will not change. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    // A 401 anywhere means the session ended (expired, password changed): back to the login page.
    queryCache: new QueryCache({ onError: (error) => sessionEnded(error) }),
    mutationCache: new MutationCache({ onError: (error) => sessionEnded(error) }),
    defaultOptions: { queries: { retry: shouldRetry, refetchOnWindowFocus: false } },
  });
  function sessionEnded(error: unknown) {
    if (error instanceof ApiError && error.status === 401 && error.code === 'UNAUTHENTICATED') {
      client.setQueryData(['me'], null);
    }
  }
  return client;
}
