// The page's own words in English and Chinese. Bot replies come from the server in the customer's language.
const strings = {
  en: {
    appTitle: 'Customer service',
    shopTitle: 'Shop {0}',
    statusActive: 'Assistant online',
    statusWaiting: 'Waiting for an agent',
    statusWithAgent: 'With {0}',
    statusClosed: 'Chat ended',
    myOrders: 'My orders',
    otherLanguage: '中文',
    languageToggle: 'Switch language to Chinese',
    endChat: 'End chat',
    demoCustomer: 'Demo customer',
    switchCustomer: 'Switch',
    devOnly: 'Development mode',
    conversation: 'Conversation',
    suggestedReplies: 'Suggested replies',
    placeholder: 'Type a message…',
    messageLabel: 'Message',
    send: 'Send',
    newChat: 'Start a new chat',
    closePanel: 'Close',
    rateTitle: 'How did we do?',
    rateLegend: 'Your satisfaction, 1 to 5 stars',
    star1: '1 star', star2: '2 stars', star3: '3 stars', star4: '4 stars', star5: '5 stars',
    commentLabel: 'Anything to add? (optional)',
    keepChatting: 'Keep chatting',
    submitRating: 'End chat',
    pickRating: 'Please pick 1 to 5 stars.',
    welcome: 'Hi! I can track orders, help with returns and refunds, change a delivery address before shipping, and answer questions about coupons. How can I help?',
    starterOrder: 'Where is my order?',
    starterReturn: 'I want to return an item',
    starterCoupon: 'My coupons',
    starterHuman: 'Talk to a person',
    waitingBanner: 'Waiting for an agent… You can keep typing; they will see everything.',
    withAgentBanner: 'You are talking to {0}.',
    anAgent: 'an agent',
    agentLabel: 'Agent',
    botLabel: 'Assistant',
    typing: 'The assistant is typing',
    you: 'You',
    sending: 'Sending…',
    retrying: 'Connection trouble, retrying in {0} s…',
    failed: 'Not sent.',
    retry: 'Retry',
    resumed: 'Conversation resumed',
    closedNotice: 'Chat ended. Thank you for your feedback!',
    sessionGone: 'That conversation has ended. A new one starts with your next message.',
    noToken: 'This page needs a sign-in token. Open it from the shop (the link ends in #token=…).',
    tokenExpired: 'Your sign-in has expired. Open the chat from the shop again.',
    signingIn: 'Signing in…',
    signedInAs: 'Signed in as {0}',
    ordersLoading: 'Loading your orders…',
    ordersEmpty: 'No orders yet.',
    ordersFailed: 'Your orders could not be loaded.',
    askAboutOrder: 'Ask about this order',
    coupons: 'Coupons',
    couponsLoading: 'Loading campaigns…',
    couponsEmpty: 'No campaigns running right now.',
    couponsFailed: 'Campaigns could not be loaded.',
    couponOffer: '{0} off orders from {1} · until {2}',
    claimCoupon: 'Claim',
    couponClaimed: 'Coupon {0} is yours: {1} off, valid until {2}.',
    couponNotGranted: 'No coupon',
    orderQuestion: 'Where is my order {0}?',
    items: '{0} items',
    item: '1 item',
    placed: 'Placed {0}',
    errorTitle: 'Something went wrong',
    networkError: 'The service cannot be reached. Check your connection.',
    busy: 'The service is busy. Please try again in a moment.',
  },
  zh: {
    appTitle: '在线客服',
    shopTitle: '店铺 {0}',
    statusActive: '智能助手在线',
    statusWaiting: '正在等待人工客服',
    statusWithAgent: '{0} 为您服务',
    statusClosed: '会话已结束',
    myOrders: '我的订单',
    otherLanguage: 'EN',
    languageToggle: '切换为英文',
    endChat: '结束会话',
    demoCustomer: '演示客户',
    switchCustomer: '切换',
    devOnly: '开发模式',
    conversation: '对话',
    suggestedReplies: '推荐回复',
    placeholder: '请输入消息…',
    messageLabel: '消息',
    send: '发送',
    newChat: '开始新的会话',
    closePanel: '关闭',
    rateTitle: '请为本次服务评分',
    rateLegend: '满意度，1 到 5 星',
    star1: '1 星', star2: '2 星', star3: '3 星', star4: '4 星', star5: '5 星',
    commentLabel: '还有什么想说的？（选填）',
    keepChatting: '继续咨询',
    submitRating: '结束会话',
    pickRating: '请选择 1 到 5 星。',
    welcome: '您好！我可以帮您查询物流、办理退货退款、在发货前修改收货地址，以及解答优惠券问题。请问有什么可以帮您？',
    starterOrder: '我的订单到哪了？',
    starterReturn: '我要退货',
    starterCoupon: '我的优惠券',
    starterHuman: '转人工',
    waitingBanner: '正在为您转接人工客服… 您可以继续输入，客服会看到全部内容。',
    withAgentBanner: '{0} 正在为您服务。',
    anAgent: '人工客服',
    agentLabel: '客服',
    botLabel: '智能助手',
    typing: '智能助手正在输入',
    you: '我',
    sending: '发送中…',
    retrying: '网络异常，{0} 秒后重试…',
    failed: '发送失败。',
    retry: '重试',
    resumed: '已恢复之前的对话',
    closedNotice: '会话已结束，感谢您的评价！',
    sessionGone: '之前的会话已结束，发送消息即可开始新的会话。',
    noToken: '此页面需要登录令牌，请从店铺页面打开（链接以 #token=… 结尾）。',
    tokenExpired: '登录已过期，请从店铺页面重新打开客服。',
    signingIn: '正在登录…',
    signedInAs: '当前用户 {0}',
    ordersLoading: '正在加载订单…',
    ordersEmpty: '暂无订单。',
    ordersFailed: '订单加载失败。',
    askAboutOrder: '咨询此订单',
    coupons: '优惠券',
    couponsLoading: '正在加载活动…',
    couponsEmpty: '当前没有进行中的活动。',
    couponsFailed: '活动加载失败。',
    couponOffer: '满 {1} 减 {0} · 截止 {2}',
    claimCoupon: '领取',
    couponClaimed: '优惠券 {0} 已领取：减 {1}，有效期至 {2}。',
    couponNotGranted: '未领取到优惠券',
    orderQuestion: '我的订单 {0} 到哪了？',
    items: '共 {0} 件',
    item: '共 1 件',
    placed: '下单于 {0}',
    errorTitle: '出错了',
    networkError: '无法连接到服务，请检查网络。',
    busy: '服务繁忙，请稍后再试。',
  },
};

const storageKey = 'commercebrain.lang';
let current = pickInitial();

function pickInitial() {
  const saved = safeGet(() => localStorage.getItem(storageKey));
  if (saved === 'en' || saved === 'zh') {
    return saved;
  }

  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language || 'en'];
  return preferred.some((l) => String(l).toLowerCase().startsWith('zh')) ? 'zh' : 'en';
}

function safeGet(read) {
  try {
    return read();
  } catch {
    return null; // storage can be disabled (private mode, embedded iframes)
  }
}

/** The current language: 'en' or 'zh'. */
export function language() {
  return current;
}

/** The BCP 47 locale for number and date formats. */
export function locale() {
  return current === 'zh' ? 'zh-CN' : 'en-US';
}

/** A UI string with {0}, {1}... filled in. */
export function t(key, ...args) {
  const text = strings[current][key] ?? strings.en[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

/** Switches the language, remembers it and re-labels every element marked with data-i18n*. */
export function setLanguage(lang) {
  current = lang === 'zh' ? 'zh' : 'en';
  safeGet(() => localStorage.setItem(storageKey, current));
  applyTo(document);
}

/** Fills data-i18n (text), data-i18n-aria (aria-label) and data-i18n-placeholder under root. */
export function applyTo(root) {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }

  for (const el of root.querySelectorAll('[data-i18n-aria]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nAria));
  }

  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) {
    el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder));
  }
}
