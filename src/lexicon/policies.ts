/**
 * Support-policy vocabulary: the words a policy name ends with, the verbs that introduce a list of
 * policies, and the money-related words that mark a subsidy sentence.
 */

/** A support policy's name ends with one of these (`社会保险补贴`, `创业担保贷款及贴息`, `就业帮扶基地奖补`). */
export const POLICY_HEADS = ['补贴', '补助', '奖补', '贴息', '奖励', '津贴', '资助', '补偿', '贷款', '减免', '奖金'];
export const POLICY_HEAD = `(?:${POLICY_HEADS.join('|')})`;
const POLICY_HEAD_END = new RegExp(`${POLICY_HEAD}$`);

/** Names that contain a conjunction but are one policy: never split them. */
export const COMPOUND_POLICIES = ['创业担保贷款及贴息', '创业担保贷款贴息', '贷款及贴息', '贷款和贴息'];

/** Verbs (and fillers) that can precede a policy name or list; stripped from the first item. */
export const POLICY_LEAD =
  /^(?:按规定|按照规定|依规|依法|及时|足额|全面|切实|继续|进一步|可|要|并|再|同时|还|均|给予|落实好|落实|享受|延续|发放|申领|兑现|执行|实施|提供|包括|如|用好|做好|加大|支付|安排|给|对其)+/;

/**
 * Words that make a fragment a generic or non-policy phrase even though it ends with a head word;
 * a name never opens with an administrative act (`申请出具异地贷款…证明` names no policy).
 */
const NOT_A_NAME = /^(?:一次性)?(?:补贴|补助|奖补|贴息|奖励|津贴|资助|补偿|贷款|减免|奖金)$|资金|标准|办法|政策性|性$|^原|^相关|^有关|^各类|^各项|^其他|^上述|^该项|^此项|^此类|^有关|^各种|^(?:出具|开具|办理|提取|缴存|使用|提交|报送|审核|审批|核发|申请|领取)/;

/** A policy name: ends with a head word, has something before it, is not money or a generic word. */
export function isPolicyName(s: string): boolean {
  if (s.length < 3 || s.length > 20) return false;
  if (!POLICY_HEAD_END.test(s)) return false;
  if (/[\d元%％]|[，。；：、（）()《》“”]/.test(s)) return false;
  if (NOT_A_NAME.test(s)) return false;
  return true;
}

/**
 * Money words: a clause holding one of these and an amount in 元 states a subsidy
 * (`给予…1000元的一次性奖补`, `补贴200元/亩`). A support loan's ceiling (`最高可申请20万元创业担保贷款`,
 * `小额信贷5万元以下`) counts too: it is money the policy grants, as credit, and the loan is a support
 * policy like the subsidies (`创业担保贷款及贴息` is a policy mention when no amount is given).
 */
export const SUBSIDY_WORD = /补贴|补助|奖补|奖励|资助|贴息|津贴|奖金|扶持|支持|给予|发放|配套|担保贷款|贴息贷款|小额信贷|奖$|补$/;

/** Money words that mean something other than support: wages, prices, thresholds. */
export const NON_SUBSIDY_MONEY = /工资|薪酬|薪资|收入|价格|售价|租金|房价|出让价|成本|投资额|总投资|营业额|营业收入|销售额|产值|注册资本|资产|利润|税收|纳税|罚款|违约金|保证金|押金|缴存|缴纳|费用标准/;
