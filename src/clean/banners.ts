// Error, access and bot-check messages, in several languages: the phrases that mark a block as an
// error banner, and the test for whether a whole page is nothing but such a message.
// The phrase lists are written for this project from how such pages commonly read (HTTP status
// texts, CMS 404 templates, CDN bot checks); they are not taken from any evaluation set.
import { unicodeBoundaries } from './text.js';

/** Page-missing messages (soft 404s answer 200, so the wording is the signal). */
const NOT_FOUND_RE = unicodeBoundaries(new RegExp([
  String.raw`\b(?:page|story|article|content|post|item) (?:you(?:'re| are)? (?:were )?(?:looking for|requested|trying to reach)|requested)\b.{0,40}\b(?:doesn'?t|does not|did not|could ?n[o']t|can ?n[o']t|no longer|might have been|may have been|has been|is not|isn'?t|was not)`,
  String.raw`\b(?:page|file|url|resource|article|content|post) (?:was )?not (?:be )?found\b`,
  String.raw`\b(?:this|the) (?:page|article|story|content|link|post) (?:is |has )?(?:doesn'?t|does not|no longer|may no longer) (?:exists?|available|be available)`,
  String.raw`\bwe (?:couldn'?t|could not|can'?t|cannot) find (?:that|the|this|what you)`,
  String.raw`\b(?:error|http) ?404\b|^404\b|\b404 (?:error|not found)|\bnot found\b.{0,20}\b404\b`,
  String.raw`\bnothing (?:was )?found (?:here|at this)`,
  String.raw`\bthe requested (?:url|page|document|resource)\b.{0,30}\b(?:not found|was not found|could not be found)`,
  String.raw`\bseite (?:wurde )?nicht gefunden|\b(?:angeforderte|gesuchte|aufgerufene) seite\b.{0,40}\b(?:existiert nicht|nicht gefunden|nicht mehr)|\bfehler 404`,
  String.raw`\bpage (?:introuvable|non trouvée|inexistante)|\bla page (?:que vous|demandée)\b.{0,50}\b(?:n'existe (?:pas|plus)|introuvable|est introuvable)|\berreur 404`,
  String.raw`\bpágina no (?:encontrada|existe)|\bla página (?:que (?:buscas|busca|estás buscando|solicitaste)|solicitada)\b.{0,40}\bno (?:existe|se encuentra|está disponible)|\bno se (?:ha )?(?:encontrado|encontró) la página`,
  String.raw`\bpagina non (?:trovata|esiste)|\bla pagina (?:che stai cercando|richiesta)\b.{0,40}\bnon (?:esiste|è stata trovata|è disponibile)`,
  String.raw`\bpágina não (?:encontrada|existe)|\ba página (?:que você (?:procura|está procurando)|solicitada)\b.{0,40}\bnão (?:existe|foi encontrada)`,
  String.raw`\bpagina (?:niet gevonden|bestaat niet)|\bdeze pagina bestaat niet`,
  String.raw`\bnie znaleziono strony|\bstrona nie (?:istnieje|została znaleziona)|\bsayfa bulunamadı`,
  String.raw`страница не найдена|запрашиваемая страница\b.{0,30}не (?:существует|найдена)|ошибка 404`,
  '页面不存在|找不到(?:该|此|您要的)?页面|页面未找到|您(?:所)?访问的页面不存在|ページが見つかりません|お探しのページは見つかりません|페이지를 찾을 수 없습니다',
  'الصفحة غير موجودة|لم يتم العثور على الصفحة',
].join('|'), 'u'));

/** Login walls and refusals. */
const ACCESS_RE = unicodeBoundaries(new RegExp([
  String.raw`\b(?:please )?(?:log ?in|sign ?in|register|subscribe)\b.{0,20}\bto (?:continue|view|read|access|see|keep reading|unlock)\b`,
  String.raw`\byou (?:must|need to) (?:be )?(?:logged in|signed in|log in|sign in|subscribe)\b`,
  String.raw`\b(?:access|permission) denied\b|\b403 forbidden\b|^forbidden$|\byou (?:don'?t|do not) have permission to (?:access|view)`,
  String.raw`\b(?:this|the) (?:content|article|page) is (?:only )?(?:available|reserved) (?:to|for) (?:subscribers|members|registered users)`,
  String.raw`\bzugriff verweigert|\bbitte (?:melden sie sich an|loggen sie sich ein)|\bconnectez-vous pour|\baccès (?:refusé|interdit)|\bacceso denegado|\binicia sesión para|\bacesso negado|\bдоступ (?:запрещ[её]н|ограничен)|\bвойдите,? чтобы|访问被拒绝|请(?:先)?登录|ログインしてください`,
].join('|'), 'u'));

/** "Enable javascript" pages: single-page apps and walls rendered without scripts. */
const JS_RE = unicodeBoundaries(new RegExp([
  String.raw`\b(?:please )?(?:enable|turn on|activate) javascript\b`,
  String.raw`\bjavascript (?:is|seems to be|appears to be) (?:disabled|required|turned off|not enabled|not available)`,
  String.raw`\b(?:requires|need to enable|must enable|without) javascript\b.{0,40}\b(?:run|work|function|view|use|display|enabled)`,
  String.raw`\bjavascript\b.{0,20}\b(?:aktivieren|activer|activez|activa|habilita|habilite|attiva|abilita|inschakelen)\b|\b(?:aktivieren sie|activez|veuillez activer|activa|habilita|habilite|attiva)\b.{0,30}\bjavascript|\bвключите\b.{0,30}\bjavascript|\bjavascript\b.{0,20}\bвключ`,
  '请(?:启用|开启|打开)\\s*javascript|javascriptを有効に',
].join('|'), 'u'));

/** Bot checks and rate limits put in front of pages by CDNs and anti-bot services. */
const BOT_RE = unicodeBoundaries(new RegExp([
  String.raw`\bverify(?:ing)? (?:that )?you(?:'re| are) (?:a )?(?:human|not a (?:robot|bot))`,
  String.raw`\bchecking (?:your|if the site connection is secure|the browser)\b|\bare you a (?:robot|human)\b|\bi'?m not a robot\b`,
  String.raw`\bunusual traffic from your\b|\bpress (?:&|and) hold\b|\bcomplete the security check\b|\bsecurity check to access\b`,
  String.raw`^captcha$|\b(?:solve|complete|enter) the captcha\b|\bcaptcha (?:verification|challenge|required)\b|\bddos protection by\b|\bray id\b|\btoo many requests\b|\brate limit(?:ed)?\b.{0,20}\bexceeded`,
  String.raw`\bjust a moment\b\.{0,3}$|\bplease wait while we (?:verify|check)`,
  String.raw`\bsie (?:ein )?mensch sind|\bkein roboter\b|\bvous êtes (?:un )?humain|\bpas un robot\b|\beres (?:un )?humano|\bno eres un robot|\bnon sei un robot|\bне робот|人机验证|您的访问(?:出现)?异常|ロボットではありません`,
].join('|'), 'u'));

/** Server failures and maintenance notices. */
const SERVER_RE = unicodeBoundaries(new RegExp([
  String.raw`\b(?:500 )?internal server error\b|\bservice (?:temporarily )?unavailable\b|\bbad gateway\b|\bgateway time-?out\b`,
  String.raw`\bsomething went wrong\b|\b(?:site|page|service) is (?:temporarily )?(?:down|unavailable|under maintenance)\b|\bwe'?ll be back soon\b`,
  String.raw`\ban error (?:has )?occurred\b|\bein fehler ist aufgetreten\b|\bune erreur (?:s'est produite|est survenue)\b|\bse (?:ha )?produjo un error\b|\bпроизошла ошибка\b`,
].join('|'), 'u'));

/** An interjection line on its own ("Sorry!!", "Oops!"): a banner only next to another banner line. */
const INTERJECTION_RE =
  /^(?:sorry|oops|whoops|uh[- ]?oh|error|ouch|hmm+|ups|hoppla|huch|oups|désolé|lo sentimos|perdón|spiacenti|desculpe|извините|ой|抱歉|すみません)[!.…]*\s*(?:!|\.)*$/u;

/** A banner is a short message; a long paragraph that mentions "404" is an article about it. */
export const BANNER_MAX_WORDS = 45;

export type ErrorKind = 'not_found' | 'access' | 'javascript' | 'bot_check' | 'server';

const KINDS: ReadonlyArray<[ErrorKind, RegExp]> = [
  ['not_found', NOT_FOUND_RE], ['access', ACCESS_RE], ['javascript', JS_RE], ['bot_check', BOT_RE], ['server', SERVER_RE],
];

// The patterns are lower-case and matched against lower-cased text: the `i` flag with Unicode
// patterns is an order of magnitude slower in V8, and every line of every page passes here.

/** The kind of error message a short text is, or null. Long texts are never banners. */
export function errorMessageKind(text: string, wordCount: number): ErrorKind | null {
  if (wordCount > BANNER_MAX_WORDS) return null;
  const lower = text.toLowerCase();
  for (const [kind, re] of KINDS) if (re.test(lower)) return kind;
  return null;
}

export function isInterjection(text: string): boolean {
  return INTERJECTION_RE.test(text.trim().toLowerCase());
}
