/**
 * What the main process says to the person (menus, dialogs), in Japanese or English. D-APP-4: the operating
 * system's language decides (English for an English system, Japanese otherwise, as the screens default to
 * Japanese); the main process cannot see the language chosen on screen without a further bridge.
 */
export const MAIN_WORDS = {
  ja: {
    app: '請求バックオフィス',
    view: '表示',
    help: 'ヘルプ',
    openLogs: 'ログフォルダを開く',
    updateTitle: '更新の準備ができました',
    updateMessage: '新しい版 {version} をダウンロードしました。今すぐ再起動して更新しますか？',
    updateDetail: '「後で」を選ぶと、次にアプリを終了したときに更新します。',
    restartNow: '今すぐ再起動',
    later: '後で',
    unexpectedTitle: '予期しないエラー',
    unexpected:
      '予期しないエラーが起きました。作業中の内容を確かめてください。詳しくはログフォルダ（ヘルプ → ログフォルダを開く）に記録しました。',
    startFailed: '請求バックオフィスを起動できませんでした。',
    screenGone: '画面の処理が止まりました（{reason}）。画面を読み込み直しますか？ 保存済みのデータは失われていません。',
    screenNotLoaded: '画面を読み込めませんでした（{reason}）。アプリを入れ直すか、管理者に連絡してください。',
    reload: '読み込み直す',
    quit: '終了',
    printFailed: '印刷できませんでした：{reason}',
  },
  en: {
    app: 'Billing back office',
    view: 'View',
    help: 'Help',
    openLogs: 'Open logs folder',
    updateTitle: 'Update ready',
    updateMessage: 'Version {version} has been downloaded. Restart now to update?',
    updateDetail: 'Choose Later to update the next time you quit the app.',
    restartNow: 'Restart now',
    later: 'Later',
    unexpectedTitle: 'Unexpected error',
    unexpected:
      'An unexpected error occurred. Please check the work in progress. The details are in the logs folder (Help → Open logs folder).',
    startFailed: 'The billing back office could not start.',
    screenGone: 'The screen stopped working ({reason}). Reload it? Data already saved is not lost.',
    screenNotLoaded: 'The screen could not be loaded ({reason}). Reinstall the app or contact your administrator.',
    reload: 'Reload',
    quit: 'Quit',
    printFailed: 'Could not print: {reason}',
  },
} as const;

export type MainLanguage = keyof typeof MAIN_WORDS;
export type MainWord = keyof (typeof MAIN_WORDS)['ja'];

export function mainLanguage(locale: string): MainLanguage {
  return /^en\b/i.test(locale) ? 'en' : 'ja';
}

/** A sentence in the language, with `{name}` filled in. */
export function say(language: MainLanguage, word: MainWord, values: Record<string, string> = {}): string {
  return MAIN_WORDS[language][word].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
