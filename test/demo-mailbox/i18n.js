// @ts-check
// Every word the page shows, in the four demo languages (`?hl=en|ru|th|zh`). Only labels change
// with the language: classes, data-* ids and email/name attributes never do, which is exactly
// what the extension must rely on.

/** @typedef {'en' | 'ru' | 'th' | 'zh'} Language */

const STRINGS = {
  inbox: ['Inbox', 'Входящие', 'กล่องจดหมาย', '收件箱'],
  starred: ['Starred', 'Помеченные', 'ติดดาว', '已加星标'],
  snoozed: ['Snoozed', 'Отложенные', 'เลื่อนการแจ้งเตือนแล้ว', '已延后'],
  sent: ['Sent', 'Отправленные', 'ส่งแล้ว', '已发邮件'],
  drafts: ['Drafts', 'Черновики', 'ฉบับร่าง', '草稿'],
  labels: ['Labels', 'Ярлыки', 'ป้ายกำกับ', '标签'],
  searchResults: ['Search results', 'Результаты поиска', 'ผลการค้นหา', '搜索结果'],
  compose: ['Compose', 'Написать', 'เขียน', '写邮件'],
  searchMail: ['Search mail', 'Поиск в почте', 'ค้นหาอีเมล', '搜索邮件'],
  search: ['Search', 'Поиск', 'ค้นหา', '搜索'],
  mainMenu: ['Main menu', 'Главное меню', 'เมนูหลัก', '主菜单'],
  support: ['Support', 'Справка', 'การสนับสนุน', '支持'],
  settings: ['Settings', 'Настройки', 'การตั้งค่า', '设置'],
  apps: ['Google apps', 'Приложения Google', 'แอป Google', 'Google 应用'],
  account: ['Google Account: {name} ({address})', 'Аккаунт Google: {name} ({address})', 'บัญชี Google: {name} ({address})', 'Google 账号：{name} ({address})'],
  select: ['Select', 'Выбрать', 'เลือก', '选择'],
  refresh: ['Refresh', 'Обновить', 'รีเฟรช', '刷新'],
  more: ['More', 'Ещё', 'เพิ่มเติม', '更多'],
  newer: ['Newer', 'Новые', 'ใหม่กว่า', '较新'],
  older: ['Older', 'Старые', 'เก่ากว่า', '较早'],
  range: ['{from}–{to} of {total}', '{from}–{to} из {total}', '{from}–{to} จาก {total}', '第 {from}-{to} 封，共 {total} 封'],
  isStarred: ['Starred', 'Помечено', 'ติดดาวแล้ว', '已加星标'],
  notStarred: ['Not starred', 'Не помечено', 'ไม่ได้ติดดาว', '未加星标'],
  me: ['me', 'я', 'ฉัน', '我'],
  toLower: ['to', 'кому', 'ถึง', '发送至'],
  toPrefix: ['To:', 'Кому:', 'ถึง:', '收件人：'],
  recipients: ['Recipients', 'Получатели', 'ผู้รับ', '收件人'],
  subject: ['Subject', 'Тема', 'เรื่อง', '主题'],
  messageBody: ['Message Body', 'Текст письма', 'เนื้อหาข้อความ', '邮件正文'],
  newMessage: ['New Message', 'Новое сообщение', 'ข้อความใหม่', '新邮件'],
  minimize: ['Minimize', 'Свернуть', 'ย่อเล็กสุด', '最小化'],
  popOut: ['Pop-out', 'Открыть в отдельном окне', 'แสดงในหน้าต่างใหม่', '弹出'],
  saveAndClose: ['Save & close', 'Сохранить и закрыть', 'บันทึกและปิด', '保存并关闭'],
  send: ['Send', 'Отправить', 'ส่ง', '发送'],
  sendTooltip: ['Send (Ctrl-Enter)', 'Отправить (Ctrl + Enter)', 'ส่ง (Ctrl-Enter)', '发送 (Ctrl-Enter)'],
  reply: ['Reply', 'Ответить', 'ตอบกลับ', '回复'],
  forward: ['Forward', 'Переслать', 'ส่งต่อ', '转发'],
  discard: ['Discard draft', 'Удалить черновик', 'ยกเลิกฉบับร่าง', '舍弃草稿'],
  removeRecipient: ['Remove {address}', 'Удалить {address}', 'นำ {address} ออก', '移除 {address}'],
  backTo: ['Back to {view}', 'Назад: {view}', 'กลับไปที่{view}', '返回{view}'],
  archive: ['Archive', 'Архивировать', 'เก็บถาวร', '归档'],
  reportSpam: ['Report spam', 'В спам!', 'รายงานสแปม', '举报垃圾邮件'],
  delete: ['Delete', 'Удалить', 'ลบ', '删除'],
  markUnread: ['Mark as unread', 'Отметить как непрочитанное', 'ทำเครื่องหมายว่ายังไม่อ่าน', '标记为未读'],
  messageSent: ['Message sent', 'Сообщение отправлено', 'ส่งข้อความแล้ว', '邮件已发送'],
  undo: ['Undo', 'Отменить', 'เลิกทำ', '撤消'],
  sending: ['Sending…', 'Отправка…', 'กำลังส่ง…', '正在发送…'],
  viewMessage: ['View message', 'Просмотреть сообщение', 'ดูข้อความ', '查看邮件'],
  attachment: ['Attachment: {name}', 'Вложение: {name}', 'ไฟล์แนบ: {name}', '附件：{name}'],
  emptyView: ['No conversations in {view}.', 'В разделе «{view}» нет цепочек писем.', 'ไม่มีการสนทนาใน{view}', '{view}中没有会话。'],
  noResults: ['No messages matched your search.', 'Нет писем, соответствующих запросу.', 'ไม่มีข้อความที่ตรงกับการค้นหาของคุณ', '没有与您的搜索匹配的邮件。'],
  notFound: ['This conversation could not be found.', 'Цепочка писем не найдена.', 'ไม่พบการสนทนานี้', '找不到此会话。'],
  noneSelected: ['No conversations selected', 'Цепочки писем не выбраны', 'ไม่ได้เลือกการสนทนา', '未选择任何会话'],
  titleList: ['{view} ({count}) - {address} - Gmail', '{view} ({count}) - {address} - Gmail', '{view} ({count}) - {address} - Gmail', '{view} ({count}) - {address} - Gmail'],
  titlePlain: ['{subject} - {address} - Gmail', '{subject} - {address} - Gmail', '{subject} - {address} - Gmail', '{subject} - {address} - Gmail'],
};

/** @typedef {keyof typeof STRINGS} MessageKey */

const ORDER = /** @type {const} */ (['en', 'ru', 'th', 'zh']);
const LOCALES = { en: 'en-US', ru: 'ru-RU', th: 'th-TH', zh: 'zh-CN' };

/**
 * The language asked for with `?hl=`, English otherwise (Gmail also accepts `zh-CN`, `ru-RU`…).
 * @param {string} search location.search
 * @returns {Language}
 */
export function languageFrom(search) {
  const asked = (new URLSearchParams(search).get('hl') ?? 'en').slice(0, 2).toLowerCase();
  return /** @type {readonly string[]} */ (ORDER).includes(asked) ? /** @type {Language} */ (asked) : 'en';
}

/**
 * @param {Language} language
 */
export function createTranslator(language) {
  const column = ORDER.indexOf(language);
  const locale = LOCALES[language];
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
  const dayMonth = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' });
  const fullDate = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const numericDate = new Intl.DateTimeFormat(locale, { dateStyle: 'short' });
  return {
    language,
    locale,
    /**
     * @param {MessageKey} key
     * @param {Record<string, string | number>} [params]
     */
    t(key, params = {}) {
      const template = STRINGS[key][column] ?? STRINGS[key][0] ?? key;
      return template.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
    },
    /**
     * Gmail's list date: the time today, the day this year, the full date before.
     * @param {number} ms
     * @param {number} now
     */
    listDate(ms, now) {
      const date = new Date(ms);
      const today = new Date(now);
      if (date.toDateString() === today.toDateString()) return time.format(date);
      return date.getFullYear() === today.getFullYear() ? dayMonth.format(date) : numericDate.format(date);
    },
    /** @param {number} ms */
    fullDate: (ms) => fullDate.format(new Date(ms)),
  };
}

/** @typedef {ReturnType<typeof createTranslator>} Translator */
