import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error?: Error;
}

function userMessage(error: Error): string {
  if ('userMessage' in error && typeof error.userMessage === 'string') return error.userMessage;
  return 'Er ging iets mis bij het tonen van deze pagina. Uw vastgelegde gegevens zijn niet aangetast.';
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="alert alert--error" role="alert">
        <p>{userMessage(this.state.error)}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Opnieuw proberen
        </button>
      </div>
    );
  }
}
