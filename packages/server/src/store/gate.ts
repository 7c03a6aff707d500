/**
 * At most `size` queries at a time, the rest waiting in order. pg's pool applies its connection timeout to a query
 * that waits for a busy pool as well as to one that connects, so without this gate a burst of slow searches would be
 * answered 99500 after 3 s of queueing; with it, only connecting (the database being away) can time out.
 */
export interface Gate {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export function gate(size: number): Gate {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    const next = waiting.shift();
    if (next === undefined) running -= 1;
    else next();
  };
  return {
    run: async (work) => {
      if (running < size) running += 1;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}
