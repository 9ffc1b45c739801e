import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

const FALLBACK_COLUMNS = 80;

/**
 * The terminal's width in columns, updated when the terminal is resized: screens lay out
 * their text for it themselves (wrapping inside table cells), which Ink's own re-layout on
 * resize does not redo.
 */
export function useColumns(): number {
  const { stdout } = useStdout();
  const read = () => (stdout.columns > 0 ? stdout.columns : FALLBACK_COLUMNS);
  const [columns, setColumns] = useState(read);
  useEffect(() => {
    const onResize = () => setColumns(stdout.columns > 0 ? stdout.columns : FALLBACK_COLUMNS);
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return columns;
}
