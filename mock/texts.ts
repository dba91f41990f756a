/**
 * What the mock service shows: its own transcription of the service's texts, typed from the
 * five documents by the mock's author, separately from the suite's expectations
 * (messages/index.ts). Nothing under mock/ imports messages/: if a text here drifts from the
 * documents, the suite (which checks its own traced copy) catches it, and
 * tests/unit/mock-texts-agree.test.ts lists every key where the two disagree.
 *
 * Texts the documents do not show are the mock's own wording, marked "(mock wording)".
 * The meta tests may change one character of a text here at run time (mock/faults.ts).
 */

/** Mail subjects, fixed mail phrases and the mails' bodies (catalogue "Mails"). */
export const mail = {
  /** MAIL-REG (TJK メール①; IM12 2-3 ① shows it prefixed 【セコム電子書庫サービス】). */
  registrationSubject: 'ユーザー登録のご連絡',
  /** MAIL-PW (TJK メール②) */
  passwordSubject: 'パスワードのご連絡',
  /** MAIL-REG: TJK メール① prints the two lines with two wordings. */
  passwordInOtherMail: '別のメールで記載いたしました。',
  loginPasswordInOtherMail: '別のメールで記載しました。',
  /** MAIL-REISSUE (mock wording: no document shows this mail). */
  reissueSubject: 'パスワード再通知のご連絡',
  /** MAIL-BS-USER / MAIL-BS-ADMIN (BS10 1-1) */
  bulkSignRegistrationSubject: '【あんしん電子契約ライト】ユーザ登録のご連絡',
  /** MAIL-BS-USER: the user copy does not carry the credentials. */
  askAdministrator: '管理者にお問い合わせ下さい。',
  /** MAIL-OTP (mock wording: BS10 shows the body, never the subject). */
  otpSubject: '【あんしん電子契約ライト】ワンタイムパスワードのご連絡',
  otpIntro: '操作者の本人確認認証のための、ワンタイムパスワードをご連絡いたします。',
  /** Field labels (TJK メール①②, BS10 1-1). */
  labels: {
    userId: 'ユーザID',
    issuancePassword: '認証情報パスワード',
    loginPassword: 'サインアップ・ログインパスワード',
    bsLoginPassword: 'ログインパスワード',
    bsExpiry: 'ログイン有効期限',
    otp: 'ワンタイムパスワード',
    issuanceSite: '発行サイト',
    signupSite: 'サインアップサイト',
    loginSite: 'ログインサイト',
  },
  /** The fixed lines of each mail's body; the templates in views/mail only place them. */
  body: {
    /** TJK メール①: the sender line names the issuing organisation, not the recipient. */
    registration: {
      from: 'より',
      intro: ['「電子申請システム」のユーザ登録が行われましたので、', 'ユーザIDと本システムのご利用開始手続きをご案内申し上げます。'],
      procedure: 'ご利用開始手続',
      certHeading: '1) 電子証明書の準備',
      certText: ['実際に本システムをご利用になるPCより、本システム専用の', '電子証明書発行サイトにアクセスし、Webブラウザに電子証明書をインストールして下さい。'],
      certNote: '※必ず実際に本システムをご利用になるPCより電子証明書をインストールして下さい。',
      signupHeading: '2) サインアップ',
      signupText: ['電子証明書のインストール完了後、本システム専用のサインアップサイトに', 'アクセスし、ユーザ・サインアップを行って下さい。'],
      loginHeading: '3) ログイン',
      loginText: 'サインアップ完了後、本システム専用のログインサイトよりログインして下さい。',
    },
    /** TJK メール②: addressee, the intro and the three values; no URL. */
    password: {
      honorific: '様',
      intro: ['「電子申請システム」の利用パスワードについて', 'ご案内申し上げます。'],
    },
    /** MAIL-REISSUE (mock wording). */
    reissue: {
      honorific: '様',
      intro: ['「電子申請システム」に登録されているパスワードを', 'ご通知いたします。'],
      note: '※このメールにお心当たりのない場合は、管理者までご連絡ください。',
    },
    /** BS10 1-1) ① (the user's copy). */
    bulkSignUser: {
      honorific: '様',
      by: (company: string, admin: string) => `${company} の ${admin} 様 (以下、管理者と呼びます) により`,
      intro: ['セコム電子書庫サービスのユーザ登録が行われましたので、', '本サービスのご利用開始手続きをご案内申し上げます。'],
      procedure: 'ご利用開始手続',
      loginHeading: '1) ログイン',
      loginText: '本サービス専用のログインサイトよりログインして下さい。',
    },
    /** BS10 1-1) ② (the administrator's copy). */
    bulkSignAdmin: {
      honorific: '様',
      done: (user: string) => `${user} 様のユーザ登録が完了いたしました。`,
      tell: '以下のユーザID・パスワード情報を利用者様にお知らせください。',
      important: ['【重要】', 'ユーザID、ログインパスワードは、', '本サービスを利用する際に必要と', 'なりますので、大切に保管してください。', '他人に知られることの無いよう', 'ご注意ください。'],
    },
    /** BS10 1-2) d. */
    otp: {
      honorific: '様',
      enter: '*このパスワードを認証用画面に入力してください。',
    },
  },
} as const;

/**
 * The tenant the mock plays (TJK's guide): the organisation that issues the accounts (the
 * sender line of メール①) and the contract shown in the エコ文書 header (TJK: ご契約先).
 */
export const customer = {
  organisation: '東京都情報サービス産業健康保険組合',
  contract: '(ファスト利用) 東京都情報サービス産業健康保険組合',
} as const;

/** A. Certificate issuance site (IM12 §2, TJK 1), EG18 §1). */
export const issuance = {
  siteTitle: '証明書発行サイト',
  stepsIntro: '証明書発行は次の手順で行います。',
  step1Title: '【STEP1】認証情報(パスワード)を入力',
  step2Title: '【STEP2】CSPとKey長を選択',
  step3Title: '【STEP3】証明書を受け取る',
  step4Title: '【STEP4】証明書の確認',
  passwordLabel: '認証情報(パスワード)(半角英数字)',
  next: '次へ',
  back: '一つ戻る',
  issue: '発行',
  ok: 'OK',
  close: '閉じる',
  english: 'English',
  japanese: 'Japanese',
  cspLabel: 'CSP',
  keyLengthLabel: 'Key長',
  csp: 'Microsoft Enhanced Cryptographic Provider v1.0',
  step2Intro: 'CSPとKey長を選択し、[発行]ボタンを押してください。',
  step2Duration: 'この処理には数分かかる場合があります。',
  /** ISS-INTERRUPT: the STEP2 warning. */
  step2Warning: '[発行]ボタンを押した後、【STEP3】の画面が表示されるまで何もせずお待ちください。',
  step2WarningDetail: 'ブラウザを閉じたり一つ戻るボタンを押さないでください。証明書が取得できない場合があります。',
  /** EG18-1-3 */
  cspEmptyHelp: 'CSPとKey長に何も表示されない場合、以下の対応を実施してください。',
  openHelp: '対応方法を開く',
  /** EG18-1-4: the web-access confirmation. */
  webAccessConfirm: 'この Web サイトはユーザーの代わりにデジタル証明書の操作を実行します。',
  webAccessLimit: 'ユーザーの代わりにデジタル証明書を操作できるのは、既知の Web サイトだけに制限する必要があります。',
  webAccessQuestion: 'この操作を許可しますか?',
  installRootCa: 'ルートCA証明書のインストール',
  installClientCert: 'クライアント証明書のインストール',
  installDone: '証明書のインストールが完了しました。',
  checkPageLink: '証明書の確認',
  /** CERT-CHECK: the check page's answer (mock wording). */
  certCheckOk: '証明書は正常にインストールされています。',
  /** EG18-1-1 */
  unsupportedBrowser: '未対応のブラウザです。',
  /** EG18-1-2 */
  authFailed: '認証に失敗したか、申請が承認されていません。',
  /** EG18-1-4 */
  cancelledByUser: 'この操作はユーザによって取り消されました。',
  /** EG18-1-5 */
  noValidApplication: '有効な証明書申請はありません。',
  /** EG18-1-5 screenshot: the title of the message page. */
  messageTitle: 'ログイン画面',
  /** The field name used in STEP1's input messages. */
  passwordField: '認証情報(パスワード)',
  languageNav: '言語',
  /** IM12 2-3 ③ (STEP2 screenshot). */
  cspRecommend: 'CSPは、ブラウザで鍵生成を行う場合、Microsoft Enhanced Cryptographic Provider v1.0 を推奨します。',
  warningLabel: '注意:',
  /** IM12 2-3 ④: the confirmation at 発行; EG18-1-4 ties いいえ here to cancelledByUser as well. */
  requestConfirm: 'この Web サイトはユーザーの代わりに新しい証明書を要求しています。',
  requestLimit: 'ユーザーの代わりに証明書を要求できるのは、信頼された Web サイトだけに制限する必要があります。',
  requestQuestion: '証明書を要求しますか?',
  /** EG18-1-3: what 対応方法を開く shows (mock wording after EG18 1-3 【ご案内】). */
  cspHelpCause: 'ブラウザの証明書発行機能(鍵ペアの生成)が利用できない状態です。',
  cspHelpTrustedSite: '信頼済みサイトに証明書発行サイトを追加してください。',
  cspHelpRetry: 'ブラウザを一旦すべて閉じてから、再度証明書発行用 URL へアクセスして下さい。',
  /** EG18-1-3: 発行 pressed while CSP / Key長 are empty (mock wording). */
  cspMissing: 'CSPとKey長が表示されていないため、証明書を発行できません。',
  /** Step2.do refused the certification request (mock wording). */
  issueFailed: '証明書の発行に失敗しました。',
  /** TJK 【STEP3】 */
  step3Intro: 'ルートCA証明書・クライアント証明書をインストールしてください。',
  /** TJK / IM12 【STEP3】: 3-1 install (TJK: root CA and client), 3-2 the existence check. */
  step3InstallHeading: '3-1 証明書のインストール',
  step3RootCaHint: '[ルートCA証明書のインストール]ボタンを押して、ルート証明書のインストールを行ってください。',
  step3ClientHint: '[クライアント証明書のインストール]ボタンを押して、発行されたクライアント証明書のインストールを行ってください。',
  step3InstallGuide: 'インストール手順はこちら',
  step3CheckHeading: '3-2 証明書の存在確認',
  step3CheckIntro: '証明書がブラウザへ格納されていることを確認してください。',
  step3CheckHint: 'リンクをクリックし手順にしたがって確認をしてください。',
  step3CheckGuide: '存在確認手順はこちら',
  /** IM12 2-3 ⑧ / TJK 【STEP3】 */
  step3Confirm: '証明書の存在確認を行った後、[OK]ボタンを押してください。',
  /** TJK 【STEP4】 (mock wording of the instruction). */
  step4Intro: '以下のURLをクリックし、証明書で問題なくアクセスできることを確認してください。',
  /** CERT-CHECK: the check page's table (mock wording). */
  checkSubject: '発行先',
  checkIssuer: '発行者',
  checkSerial: 'シリアル番号',
  checkValidTo: '有効期限',
} as const;

/**
 * ISS-LANG: the issuance site's English screens (the `English` link of IM12 / TJK / EG18).
 * The documents show only the Japanese screens, so these are the mock's translations; the
 * type makes every Japanese string above have its English counterpart.
 */
export const issuanceEn: { readonly [K in keyof typeof issuance]: string } = {
  siteTitle: 'Certificate Issuance Site',
  stepsIntro: 'Certificates are issued in the following steps.',
  step1Title: '[STEP1] Enter the authentication information (password)',
  step2Title: '[STEP2] Select the CSP and the key length',
  step3Title: '[STEP3] Receive the certificate',
  step4Title: '[STEP4] Check the certificate',
  passwordLabel: 'Authentication information (password) (half-width alphanumerics)',
  next: 'Next',
  back: 'Back',
  issue: 'Issue',
  ok: 'OK',
  close: 'Close',
  english: 'English',
  japanese: 'Japanese',
  cspLabel: 'CSP',
  keyLengthLabel: 'Key length',
  csp: 'Microsoft Enhanced Cryptographic Provider v1.0',
  step2Intro: 'Select the CSP and the key length, then press [Issue].',
  step2Duration: 'This may take a few minutes.',
  step2Warning: 'After pressing [Issue], wait without doing anything until the [STEP3] screen appears.',
  step2WarningDetail: 'Do not close the browser or press [Back]. The certificate may not be obtained.',
  cspEmptyHelp: 'If nothing is shown for the CSP and the key length, do the following.',
  openHelp: 'Open the instructions',
  webAccessConfirm: 'This Web site is attempting to perform a digital certificate operation on your behalf.',
  webAccessLimit: 'You should only allow known Web sites to perform digital certificate operations on your behalf.',
  webAccessQuestion: 'Do you want to allow this operation?',
  installRootCa: 'Install the root CA certificate',
  installClientCert: 'Install the client certificate',
  installDone: 'The certificate has been installed.',
  checkPageLink: 'Check the certificate',
  certCheckOk: 'The certificate is installed correctly.',
  unsupportedBrowser: 'This browser is not supported.',
  authFailed: 'Authentication failed, or the application has not been approved.',
  cancelledByUser: 'The operation was canceled by the user.',
  noValidApplication: 'There is no valid certificate application.',
  messageTitle: 'Login',
  passwordField: 'Authentication information (password)',
  languageNav: 'Language',
  cspRecommend: 'When the key pair is generated in the browser, Microsoft Enhanced Cryptographic Provider v1.0 is recommended as the CSP.',
  warningLabel: 'Note:',
  requestConfirm: 'This Web site is requesting a new certificate on your behalf.',
  requestLimit: 'You should only allow trusted Web sites to request a certificate on your behalf.',
  requestQuestion: 'Do you want to request a certificate now?',
  cspHelpCause: "The browser's certificate enrollment function (key pair generation) is not available.",
  cspHelpTrustedSite: 'Add the certificate issuance site to the trusted sites.',
  cspHelpRetry: 'Close all browser windows, then open the certificate issuance URL again.',
  cspMissing: 'The certificate cannot be issued because no CSP and key length are shown.',
  issueFailed: 'The certificate could not be issued.',
  step3Intro: 'Install the root CA certificate and the client certificate.',
  step3InstallHeading: '3-1 Installing the certificates',
  step3RootCaHint: 'Press [Install the root CA certificate] to install the root certificate.',
  step3ClientHint: 'Press [Install the client certificate] to install the issued client certificate.',
  step3InstallGuide: 'Installation instructions',
  step3CheckHeading: '3-2 Checking that the certificate exists',
  step3CheckIntro: 'Check that the certificate is stored in the browser.',
  step3CheckHint: 'Click the link and follow the instructions to check.',
  step3CheckGuide: 'Instructions for the check',
  step3Confirm: 'After checking that the certificate exists, press [OK].',
  step4Intro: 'Click the URL below and check that you can access it with the certificate.',
  checkSubject: 'Issued to',
  checkIssuer: 'Issued by',
  checkSerial: 'Serial number',
  checkValidTo: 'Valid to',
};

/** B. Certificate import tool (EG25 §1). */
export const importTool = {
  /** EG25-1-1 — the guide's spelling (間合せ); the service probably says 問合せ. */
  networkFailed: 'データの間合せに失敗しました。',
  /** EG25-1-2 */
  authFailed: '証明書ファイルは取得できませんでした。認証に失敗しました。',
  /** EG25-1-3 */
  notAvailable: '証明書ファイルは取得できませんでした。証明書が作成されていないか、もしくは既に証明書を取得済みです。',
  /** The import endpoints' answer to a request that is not the tool's JSON (mock wording). */
  invalidRequest: 'リクエストの形式が正しくありません。',
} as const;

/** C. エコ文書 signup and login (IM12 §3-4, TJK 2)-3), EG18/EG25 §2). */
export const ebunsho = {
  serviceName: 'セコムあんしんエコ文書サービス',
  signupTitle: 'サインアップ',
  signupIntro: 'ログインするユーザIDとパスワードを入力してから「サインアップ」ボタンをクリックしてください。',
  signupButton: 'サインアップ',
  /** SIGNUP-OK */
  signupDone: 'サインアップが完了しました。',
  signupDoneTitle: 'サインアップ 完了',
  /** TJK ■サインアップ 完了 */
  signupDoneHint: '「ログインへ」リンクをクリックし、ログイン画面でログインしてください。',
  toLogin: 'ログインへ',
  loginTitle: 'ログイン',
  loginIntro: 'ログインするユーザIDとパスワードを入力してから「ログイン」ボタンをクリックしてください。',
  userIdLabel: 'ユーザID',
  passwordLabel: 'パスワード',
  loginButton: 'ログイン',
  forgotPassword: 'パスワードを忘れた方',
  certSeal: 'クリックして 証明書の内容をご確認ください。',
  /** LOGIN-OK: the page's title as IM12 4 ④ shows it (the tab is TJK's サービスTOP). */
  serviceTop: 'サービス TOP',
  notices: 'お知らせ',
  diskContract: 'ご契約ディスク容量',
  diskUsed: 'ご利用データ量',
  diskRate: '使用率(%)',
  diskWarning: 'ディスク使用率が 10 %を超えています。すぐに空きディスク容量を確保してください。',
  /** Header tabs (TJK). */
  tabs: { top: 'サービスTOP', myPage: 'マイページ', profile: '本人情報', results: '処理結果', logout: 'ログアウト' },
  lastLogin: '最終ログイン日時',
  userNameLabel: 'ユーザ名',
  /** The header (TJK): contract, quick search, area and 詳細検索. */
  header: {
    brand: 'SECOM',
    contractLabel: 'ご契約先',
    searchTarget: '対象',
    searchTargetFile: 'ファイル',
    searchCondition: '条件',
    searchConditionFileName: 'ファイル名',
    searchKeyword: '検索キーワード',
    search: '検索',
    allAreas: '全エリア',
    advancedSearch: '詳細検索',
    areaName: 'エリア名',
    menu: 'メニュー',
  },
  /** 本人情報 before the signing certificate exists; TJK shows only 「署名用証明書情報を取得で」 (the rest is mock wording). */
  profileSigningNotice: '署名用証明書情報を取得できませんでした。',
  /** EG-2-2 */
  serviceUnavailable: 'このサービスをご利用できません。',
  errorCode: (code: number) => `エラーコード：${code}`,
  /** EG-2-1 (browser wording; a test asserts the TLS reason instead). */
  pageCannotBeShown: 'このページは表示できません。',
  pageNotSecure: 'このページに安全に接続できません。',
  /** EG-2-3 / REISSUE-OK */
  reissueTitle: 'パスワード再通知',
  reissueIntro: '登録されているパスワードを、メールにて通知します。',
  reissueIntro2: 'ユーザID、メールアドレスを入力して、「通知」ボタンを押して下さい。',
  mailAddressLabel: 'メールアドレス',
  notify: '通知',
  back: '戻る',
  notLoggedInForAYear: '過去1年間ログインされていません。確認のため、管理者までご連絡してください。',
  /** PW-CHANGE (TJK 本人情報 → パスワード変更). */
  passwordChange: 'パスワード変更',
  currentPassword: '現在のパスワード',
  newPassword: '新しいパスワード',
  confirmPassword: '確認用パスワード',
  change: '変更',
  policyTitle: 'パスワードポリシー',
  policyMinLength: '最小文字数',
  policyLower: 'アルファベットの小文字 (a~z) 使用回数',
  policyDigit: '算用数字 (0~9) 使用回数',
  policyValidity: '有効期間',
  policyUnlimited: '無期限',
  loginCertManagement: 'ログイン用証明書管理',
  signingCertManagement: '署名用証明書管理',
  // --- The mock's own wording for what the documents do not show (issue 4). ---
  /** SignUp.do: a certificate bound to another user; a second signup. */
  certificateInUse: 'この証明書は既に別のユーザで使用されています。',
  alreadySignedUp: 'このユーザは既にサインアップ済みです。',
  /** 本人情報 rows, as TJK shows them. */
  profile: {
    userId: 'ユーザID',
    name: '氏名',
    nameRomaji: 'ローマ字氏名',
    signingSubject: '発行対象者(署名用証明書)',
    company: '会社名',
    companyRomaji: 'ローマ字会社名',
    signingCompany: '発行対象会社名(署名用証明書)',
    department: '所属名',
    position: '役職',
    mailAddress: 'メールアドレス',
    failedLogins: 'ログイン失敗回数',
  },
  /** ログイン用証明書管理: the certificate bound at signup. */
  loginCert: {
    subject: '発行先',
    issuer: '発行者',
    serial: 'シリアル番号',
    validTo: '有効期限',
    fingerprint: 'フィンガープリント (SHA-256)',
    noCertificate: 'ログイン用証明書はありません。',
  },
  /** マイページ / 処理結果 of a new user. */
  noData: '該当するデータが存在しません。',
  /** REISSUE-OK: the page after 「通知」 and the mail's label. */
  reissueSent: 'パスワードを登録されているメールアドレスに通知しました。',
  /** The same answer for an unknown ユーザID and an address that is not the user's. */
  reissueMismatch: 'ユーザIDまたはメールアドレスが正しくありません。',
  reissueMailPasswordLabel: 'パスワード',
  /** PW-CHANGE: the policy table's values (TJK: 8文字 / 1回 / 1回 / 無期限). */
  policyChars: (n: number) => `${n}文字`,
  policyTimes: (n: number) => `${n}回`,
  passwordChangeIntro: '現在のパスワードと新しいパスワードを入力して「変更」ボタンを押して下さい。',
  passwordChanged: 'パスワードを変更しました。',
  currentPasswordWrong: '現在のパスワードが正しくありません。',
  newPasswordTooShort: (min: number) => `新しいパスワードは${min}文字以上で入力してください。`,
  newPasswordNeedsLower: '新しいパスワードにはアルファベットの小文字(a~z)を1文字以上使用してください。',
  newPasswordNeedsDigit: '新しいパスワードには算用数字(0~9)を1文字以上使用してください。',
  passwordMismatch: '新しいパスワードと確認用パスワードが一致しません。',
  passwordUnchanged: '現在のパスワードと異なるパスワードを入力してください。',
} as const;

/** D. Signing certificate in エコ文書 (TJK). */
export const signing = {
  menuTitle: '署名用証明書管理メニュー',
  /** SIGN-NONE */
  notValid: '署名用の証明書が有効ではありません。',
  newIssue: '新規発行',
  /** SIGN-ISSUE */
  done: '完了しました。',
  doneTitle: '署名管理 完了',
  /** SIGN-PENDING */
  pending: '署名用の証明書準備が完了していません。少し時間を置いてから再度処理をして下さい。',
  /** SIGN-PIN-DUE */
  pinDue: '署名用証明書の初期暗証コードの登録が完了していません。署名管理メニューから初期暗証コードを登録してください。',
  registerInitialPin: '初期暗証コード登録',
  register: '登録',
  reissue: '再発行',
  newPin: '新しい暗証コード',
  confirmPin: '新しい暗証コードの確認入力',
  serial: '証明書シリアルナンバー',
  cn: 'CN : 発行対象者',
  ouCompany: 'OU : 発行対象会社名',
  ouService: 'OU : サービス名',
  o: 'O : サービス提供会社名',
  c: 'C : 国名',
  expiry: '有効期限終了日時',
  /** TJK menu rows and labels. */
  autoIssued: '自動発行証明書 (セコムパスポート for PublicID)',
  issueRow: '署名用証明書発行',
  consentAt: '署名用証明書発行同意日時',
  back: '戻る',
  /** SIGN-PIN: 署名用暗証コードの初期設定 (TJK). */
  pinTitle: '署名用暗証コードの初期設定',
  pinIntro: '以下の内容で署名が実行されます。',
  pinIntro2: 'ユーザ情報に誤りがある場合、管理者に修正を依頼してください。',
  userInfo: 'ユーザ情報',
  userIdLabel: 'ユーザID',
  nameLabel: '氏名',
  nameRomajiLabel: 'ローマ字氏名',
  companyLabel: '会社名',
  companyRomajiLabel: 'ローマ字会社名',
  pinSection: 'PINコード入力欄',
  pinNote: '※暗証コードは電子署名を付けるときのパスワードになります。',
  // --- Not in TJK (the mock's own wording) ---
  /** The PIN rule TJK does not print; BS10 states it for the same certificate (6-20 half-width alphanumerics). */
  pinRule: '※暗証コードは半角英数字6文字以上20文字以下で入力してください。',
  /** The menu after the PIN is registered (TJK shows no screenshot of this state). */
  valid: '署名用の証明書は有効です。',
  pinRegistered: '登録済',
  /** The certificate is public data: the menu offers it as a file so it can be checked. */
  download: '署名用証明書のダウンロード',
  noCertificate: '署名用証明書はまだ発行されていません。',
  /** PIN rule answers, shared by both systems (label = the field's own label). */
  pinLength: (label: string, min: number, max: number) => `${label}は${min}文字以上${max}文字以下で入力してください。`,
  pinMismatch: (label: string) => `${label}と確認入力が一致しません。`,
  /** BS10 2-d: 「※確認入力欄へは、コピー入力できません。」, shown when a paste is refused. */
  pasteRefused: '確認入力欄へは、コピー入力できません。',
} as const;

/** E. Bulk e-signature system (BS10). */
export const bulkSign = {
  loginTitle: 'ログイン',
  otpTitle: 'ワンタイムパスワード',
  setupTitle: '署名用証明書セットアップ',
  doSign: '電子署名を行う',
  next: '次へ',
  step2Title: 'STEP2 署名用暗証コードの初期設定',
  newPin: '新しい署名用暗証コード',
  confirmPin: '新しい署名用暗証コードの確認入力',
  pinRule: '※署名用暗証コードは半角英数6文字以上20文字以下で入力してください。',
  register: '登録',
  back: '戻る',
  pinDoneTitle: '署名用暗証コードの登録 完了',
  setupDone: '署名用証明書のセットアップが完了しました。',
  nextProcess: '次の処理へ',
  myPage: 'マイページ',
  fileList: 'ファイル情報リスト',
  noData: '該当するデータが存在しません。',
  /** BS10 マイページ header. */
  header: {
    provider: 'セコムトラストシステムズ株式会社',
    userNameLabel: 'ユーザー名',
    advancedSearch: '詳細検索へ',
  },
  /** BS10 1-2) login and the OTP step. */
  userIdLabel: 'ユーザID',
  passwordLabel: 'パスワード',
  loginButton: 'ログイン',
  otpLabel: 'ワンタイムパスワード',
  /** BS10 2-a..c: the setup wizard. */
  signChoice: '電子署名の実施要否',
  doNotSign: '電子署名を行わない',
  waitNotice: '次の画面が表示されるまでお待ちください。',
  waitNoticeDetail: '(画面が切り替わるまで、時間がかかる場合があります)',
  step2Intro:
    '以下の内容で、署名用証明書が発行されています。「署名用証明書情報」欄の内容を確認し、誤りがなければ署名用暗証コードの入力後、「登録」ボタンをクリックしてください。誤りがある場合は、管理者にユーザ情報の変更を依頼してください。',
  userInfo: 'ユーザ情報',
  userNameLabel: 'ユーザ名',
  companyLabel: '会社名',
  nameRomajiLabel: 'ローマ字氏名',
  companyRomajiLabel: 'ローマ字会社名',
  certInfo: '署名用証明書情報',
  serial: '証明書シリアルナンバー',
  cn: 'CN:発行対象者',
  ouCompany: 'OU:発行対象会社名',
  ouService: 'OU:サービス名',
  o: 'O:サービス提供会社名',
  c: 'C:国名',
  expiry: '有効期限終了日時',
  pinSection: '署名用暗証コード入力欄',
  /** BS10 as printed (sic). */
  pinSectionIntro: '署名用暗証コードは、第3者をご利用者様になりまして電子署名を行うのを防ぐためのパスワードです。本人しか知りえない情報を入力してください。',
  /** BS10 マイページ: the file list and its search form. */
  noDataHint: 'ログインユーザが参照権限または署名権限を持つファイルを表示します。',
  search: {
    ownStatus: '本人処理状況',
    unprocessed: '未処理',
    target: '検索対象',
    targetAll: '全処理対象',
    targetView: 'ファイル閲覧対象',
    targetSign: '電子署名対象',
    signStatus: '電子署名実施状況',
    signAll: '全データ',
    unsigned: '未署名',
    signing: '署名中',
    signed: '署名済',
    registeredFrom: 'ファイル登録日(*)',
    registeredTo: 'ファイル登録日(終了)',
    folder: 'フォルダ名',
    fileName: 'ファイル名',
    submit: '検索',
    clear: 'クリア',
  },
  /** BS10 1-2): 「エラー画面が表示された場合はエラーコードとともに管理者へご連絡ください。」 */
  errorTitle: 'エラー',
  contactAdmin: 'エラーコードとともに管理者へご連絡ください。',
  // --- Not in BS10 (the mock's own wording) ---
  loginIntro: 'ユーザIDとパスワードを入力し、[ログイン]をクリックしてください。',
  otpIntro: 'メールで通知されたワンタイムパスワードを入力し、[次へ]をクリックしてください。',
  otpSent: 'ワンタイムパスワードをメールで送信しました。',
  otpWrong: 'ワンタイムパスワードが正しくありません。',
  otpUsed: 'このワンタイムパスワードは使用済みです。再度ログインしてください。',
  otpExpired: 'ワンタイムパスワードの有効期限が切れています。再度ログインしてください。',
  otpFormat: 'ワンタイムパスワードは半角数字6桁で入力してください。',
  accountLocked: 'アカウントがロックされています。',
  loginExpired: 'ログイン有効期限を過ぎています。',
  setupIntro: '電子署名の実施要否を選択し、[次へ]をクリックしてください。',
  chooseSign: '電子署名の実施要否を選択してください。',
  userCheckIntro: '以下のユーザ情報で署名用証明書を発行します。誤りがある場合は管理者にユーザ情報の変更を依頼してください。',
  preparing: '署名用証明書を準備しています',
  reload: '画面を更新',
  toLogin: 'ログイン画面へ',
  badDate: (field: string) => `${field}は正しい日付で入力してください。`,
  invalidChars: (field: string) => `${field}に使用できない文字が含まれています。`,
} as const;

/**
 * The mock's own clear answers to bad input (catalogue F): not in the documents,
 * written in the service's register so a user understands what to fix.
 */
export const input = {
  required: (field: string) => `${field}を入力してください。`,
  halfWidthAlnum: (field: string) => `${field}は半角英数字で入力してください。`,
  tooLong: (field: string, max: number) => `${field}は${max}文字以内で入力してください。`,
  invalidMail: 'メールアドレスの形式が正しくありません。',
  invalidLink: 'URLが正しくありません。通知メールに記載のURLからアクセスしてください。',
  loginFailed: 'ユーザIDまたはパスワードが正しくありません。',
  sessionExpired: 'セッションが切れました。再度ログインしてください。',
  // Answers below the application (framework and HTTP parser: bad URL, method, content type,
  // body size, request line, timeout), rendered by mock/http-hardening.ts (mock wording).
  errorTitle: 'エラー',
  notFoundTitle: 'ページが見つかりません',
  badRequest: 'リクエストの形式が正しくありません。',
  tooLarge: (limitKb: number) => `送信されたデータが大きすぎます。${limitKb}KB以内で送信してください。`,
  requestTimeout: '時間内にリクエストが完了しませんでした。もう一度やり直してください。',
  serverError: 'システムエラーが発生しました。しばらくしてから再度アクセスしてください。',
} as const;

export const texts = { customer, mail, issuance, issuanceEn, importTool, ebunsho, signing, bulkSign, input } as const;
export default texts;
