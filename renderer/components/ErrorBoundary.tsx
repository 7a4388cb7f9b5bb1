import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * An error nobody caught while drawing a screen is said in words, never left as a blank window. It is written
 * to the console as an error, which the desktop app's main process copies into its log file.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`screen error: ${error.stack ?? error.message}${info.componentStack ?? ''}`);
  }

  override render() {
    return this.state.error ? <ScreenError error={this.state.error} /> : this.props.children;
  }
}

function ScreenError({ error }: { error: Error }) {
  const { t } = useI18n();
  return (
    <main className="centered">
      <section className="refusal" role="alert" aria-labelledby="crashed-title">
        <h1 id="crashed-title">{t('app.crashed.title')}</h1>
        <p>{t('app.crashed.body')}</p>
        <p className="mono">{t('app.crashed.detail', { message: error.message })}</p>
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          {t('app.crashed.reload')}
        </button>
      </section>
    </main>
  );
}
