/**
 * The example frame shipped with the product: 7 fields, 31 criteria, 100 points, shaped like a
 * provincial unit index (DOMAIN-VN §3, §9 — e.g. Hà Nội's unit index of 7 fields). It is an editable
 * example written for this product, not an official text: a province replaces or imports its own.
 * Criteria of field 3 that the product can measure are pre-filled from its own records.
 */
import type { FrameInput } from '../../contracts/self-evaluation';
import { DEFAULT_GRADE_BANDS } from './frame';

const c = (
  code: string,
  name: string,
  maxPoints: number,
  evidence: string,
  prefill: FrameInput['fields'][number]['criteria'][number]['prefill'] = null,
) => ({ code, name, maxPoints, evidence, evidenceRequired: true, prefill });

export const EXAMPLE_FRAME: FrameInput = {
  name: 'Bộ tiêu chí xác định Chỉ số cải cách hành chính của đơn vị (mẫu, có thể chỉnh sửa)',
  gradeBands: [...DEFAULT_GRADE_BANDS],
  fields: [
    {
      code: '1',
      name: 'Công tác chỉ đạo, điều hành cải cách hành chính',
      criteria: [
        c('1.1', 'Ban hành kế hoạch CCHC năm đầy đủ, đúng thời hạn', 3, 'Kế hoạch CCHC năm của đơn vị'),
        c('1.2', 'Mức độ hoàn thành kế hoạch CCHC năm', 3, 'Báo cáo kết quả thực hiện kế hoạch, bảng theo dõi nhiệm vụ'),
        c('1.3', 'Thực hiện chế độ báo cáo CCHC định kỳ đầy đủ, đúng hạn', 2, 'Các báo cáo quý, 6 tháng, năm đã gửi'),
        c('1.4', 'Kiểm tra CCHC và xử lý các vấn đề phát hiện qua kiểm tra', 2, 'Kế hoạch, biên bản kiểm tra; báo cáo khắc phục'),
        c('1.5', 'Tuyên truyền cải cách hành chính', 2, 'Kế hoạch tuyên truyền, hình ảnh, bài viết'),
      ],
    },
    {
      code: '2',
      name: 'Xây dựng và tổ chức thi hành văn bản quy phạm pháp luật',
      criteria: [
        c('2.1', 'Tham mưu xây dựng, ban hành văn bản đúng trình tự, thẩm quyền', 3, 'Danh mục văn bản đã ban hành'),
        c('2.2', 'Rà soát, hệ thống hóa văn bản quy phạm pháp luật', 2, 'Kế hoạch, báo cáo kết quả rà soát'),
        c('2.3', 'Theo dõi thi hành pháp luật; kiểm tra, xử lý văn bản', 3, 'Báo cáo theo dõi thi hành pháp luật'),
      ],
    },
    {
      code: '3',
      name: 'Cải cách thủ tục hành chính',
      criteria: [
        c('3.1', 'Công khai đầy đủ, đúng quy định các thủ tục hành chính', 4, 'Danh mục TTHC công khai tại Bộ phận Một cửa và trên cổng', {
          key: 'procedures-published',
          full: 100,
          zero: 80,
        }),
        c('3.2', 'Tỷ lệ hồ sơ TTHC giải quyết trước hạn, đúng hạn', 6, 'Sổ theo dõi hồ sơ; Chỉ số 766 nhóm 2', { key: 'on-time-rate', full: 100, zero: 90 }),
        c('3.3', 'Văn bản xin lỗi người dân, tổ chức khi giải quyết hồ sơ trễ hạn', 3, 'Văn bản xin lỗi (Mẫu 04) của các hồ sơ trễ hạn', {
          key: 'apology-coverage',
          full: 100,
          zero: 0,
        }),
        c('3.4', 'Cắt giảm thời gian giải quyết thủ tục hành chính', 3, 'Quyết định công bố thời gian cắt giảm', { key: 'procedures-shortened', full: 30, zero: 0 }),
        c('3.5', 'Rà soát, đề xuất đơn giản hóa thủ tục hành chính', 3, 'Kế hoạch, báo cáo rà soát; phương án đơn giản hóa'),
        c('3.6', 'Thực hiện cơ chế một cửa, một cửa liên thông (sổ theo dõi, phiếu kiểm soát quá trình)', 4, 'Sổ theo dõi hồ sơ, phiếu kiểm soát (Mẫu 06), quy trình nội bộ'),
        c('3.7', 'Tiếp nhận, xử lý phản ánh, kiến nghị đúng hạn', 3, 'Sổ theo dõi phản ánh, kiến nghị; văn bản trả lời', { key: 'pakn-on-time', full: 100, zero: 70 }),
        c('3.8', 'Mức độ hài lòng của người dân, tổ chức khi giải quyết TTHC', 4, 'Kết quả đánh giá của người dân (Chỉ số 766 – 5.4)', {
          key: 'satisfaction-rate',
          full: 95,
          zero: 70,
        }),
      ],
    },
    {
      code: '4',
      name: 'Cải cách tổ chức bộ máy hành chính',
      criteria: [
        c('4.1', 'Thực hiện quy định về chức năng, nhiệm vụ, cơ cấu tổ chức', 4, 'Quyết định quy định chức năng, nhiệm vụ'),
        c('4.2', 'Sắp xếp, tinh gọn tổ chức bộ máy', 3, 'Đề án, quyết định sắp xếp'),
        c('4.3', 'Thực hiện phân cấp, ủy quyền', 3, 'Văn bản phân cấp, ủy quyền; báo cáo thực hiện'),
      ],
    },
    {
      code: '5',
      name: 'Cải cách chế độ công vụ',
      criteria: [
        c('5.1', 'Xác định vị trí việc làm, cơ cấu ngạch công chức', 3, 'Đề án vị trí việc làm được phê duyệt'),
        c('5.2', 'Tuyển dụng, bố trí, sử dụng công chức đúng quy định', 3, 'Quyết định tuyển dụng, bố trí'),
        c('5.3', 'Đánh giá, xếp loại chất lượng công chức, viên chức', 3, 'Kết quả đánh giá, xếp loại năm'),
        c('5.4', 'Chấp hành kỷ luật, kỷ cương hành chính và văn hóa công vụ', 3, 'Báo cáo kiểm tra công vụ; hồ sơ xử lý vi phạm (nếu có)'),
      ],
    },
    {
      code: '6',
      name: 'Cải cách tài chính công',
      criteria: [
        c('6.1', 'Thực hiện cơ chế tự chủ về tài chính, quy chế chi tiêu nội bộ', 3, 'Quy chế chi tiêu nội bộ'),
        c('6.2', 'Quản lý, sử dụng tài sản công; công khai ngân sách', 3, 'Báo cáo công khai ngân sách, tài sản'),
        c('6.3', 'Thực hành tiết kiệm, chống lãng phí', 2, 'Chương trình, báo cáo thực hành tiết kiệm'),
      ],
    },
    {
      code: '7',
      name: 'Xây dựng, phát triển chính quyền điện tử, chính quyền số',
      criteria: [
        c('7.1', 'Quản lý văn bản điện tử, sử dụng chữ ký số', 4, 'Báo cáo của hệ thống quản lý văn bản'),
        c('7.2', 'Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến', 5, 'Chỉ số 766 – 3.3', { key: 'online-rate', full: 50, zero: 0 }),
        c('7.3', 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', 4, 'Chỉ số 766 nhóm 4'),
        c('7.4', 'Ứng dụng công nghệ thông tin, bảo đảm an toàn thông tin', 3, 'Báo cáo ứng dụng CNTT; phương án an toàn thông tin'),
        c('7.5', 'Công khai kết quả giải quyết TTHC trên Cổng dịch vụ công', 4, 'Ảnh chụp trang công khai kết quả'),
      ],
    },
  ],
};
