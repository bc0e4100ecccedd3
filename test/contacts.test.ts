import { describe, expect, it } from 'vitest';
import { extractContacts } from '../src/extract/contacts.js';
import { contextsFromString } from './helpers/context.js';

const notice = (line: string) =>
  `测人社发〔2022〕1号\n\n测试省人力资源和社会保障厅关于做好测试工作的通知\n\n各市人力资源社会保障局：\n\n一、总体要求\n\n（一）做好工作。认真做好测试工作。\n\n${line}\n\n测试省人力资源和社会保障厅\n\n2022年4月1日\n`;

describe('contacts', () => {
  it.each([
    ['联系人：张三，联系电话：0451-87130330。', [[null, '张三', '0451-87130330', null]]],
    ['联系人：省人社厅就业促进处 张三，电话：0451-87130330', [['省人社厅就业促进处', '张三', '0451-87130330', null]]],
    ['联系人：张三、李四，电话：020-83193872', [[null, '张三', '020-83193872', null], [null, '李四', '020-83193872', null]]],
    ['联系人及电话：王五 13912345678', [[null, '王五', '13912345678', null]]],
    ['（电话：0451-87130330，邮箱：swjyzzb@163.com）', [[null, null, '0451-87130330', 'swjyzzb@163.com']]],
  ])('%s', async (line, expected) => {
    const [ctx] = await contextsFromString(notice(line));
    expect(extractContacts(ctx).map((c) => [c.org, c.person, c.phone, c.email])).toEqual(expected);
  });
});
