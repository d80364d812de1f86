import { useEffect, useRef } from 'react';

/**
 * The page's h1. On navigation it takes focus so screen-reader and keyboard users land
 * at the new content instead of at the link they just used.
 */
export function PageTitle({ children, title }: { children: React.ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Handelingskader Explosies`;
    ref.current?.focus({ preventScroll: false });
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
